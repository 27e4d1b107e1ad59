import type { Queue } from 'bullmq';

/** Adds a job and waits for it to finish, polling its state (works on every BullMQ backend). */
export async function runJob(queue: Queue, name: string, data: unknown = {}, timeoutMs = 45_000) {
  const job = await queue.add(name, data);
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const state = await queue.getJobState(job.id!);
    if (state === 'completed') return (await queue.getJob(job.id!))!.returnvalue;
    if (state === 'failed') throw new Error(`job ${name} failed: ${(await queue.getJob(job.id!))?.failedReason}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${name} did not finish in ${timeoutMs} ms`);
}
