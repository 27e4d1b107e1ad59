import { Injectable } from '@nestjs/common';

const LIMA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The workflow's sense of "today". Deadlines and period starts are calendar dates in Peru,
 * so today is the date in America/Lima, not UTC. Tests replace `now`.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return limaDay(this.now());
  }
}

/** The calendar day in Lima of an instant. */
export const limaDay = (instant: Date | string): string => LIMA_DATE.format(new Date(instant));

/** `YYYY-MM-DD` plus n calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const isIsoDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && addDays(s, 0) === s;
