// s3rver ships without types; the part the S3 evidence test uses.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    /** Where the buckets are kept on disk. */
    directory: string;
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Starts listening; answers the bound address (port 0 picks a free one). */
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
