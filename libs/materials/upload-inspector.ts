import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES, type SniffResult, sniffFileType } from './file-type.js';

export interface InspectedUpload {
  sizeBytes: number;
  sha256: string;
  sniffed: SniffResult;
}

export interface UploadInspectorOptions {
  maxBytes: number;
  /** Called once with the verdict on the first bytes; throw (a domain error) to refuse the upload at once. */
  onHead?: (sniffed: SniffResult) => void;
}

/**
 * Sits between the incoming file and storage: passes bytes through while counting them,
 * hashing them (SHA-256) and keeping the first and last few KiB for type sniffing. It fails the
 * stream as soon as the size limit is passed or the first bytes are refused, so storage never
 * receives more than the limit and nothing is ever buffered whole.
 */
export class UploadInspector extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private bytesSeen = 0;
  private head: Buffer[] = [];
  private headLength = 0;
  private headChecked = false;
  /** The last chunks, at least SNIFF_TAIL_BYTES of them when the file is that long. */
  private tail: Buffer[] = [];
  private tailLength = 0;
  private result: InspectedUpload | undefined;

  constructor(private readonly options: UploadInspectorOptions, private readonly tooLarge: () => Error) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytesSeen += chunk.length;
    if (this.bytesSeen > this.options.maxBytes) return callback(this.tooLarge());
    this.hash.update(chunk);
    if (this.headLength < SNIFF_HEAD_BYTES) {
      this.head.push(chunk.subarray(0, SNIFF_HEAD_BYTES - this.headLength));
      this.headLength += Math.min(chunk.length, SNIFF_HEAD_BYTES - this.headLength);
    }
    this.tail.push(chunk);
    this.tailLength += chunk.length;
    while (this.tailLength - this.tail[0].length >= SNIFF_TAIL_BYTES) this.tailLength -= this.tail.shift()!.length;
    if (!this.headChecked && this.headLength >= SNIFF_HEAD_BYTES) {
      const error = this.checkHead();
      if (error) return callback(error);
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.headChecked) {
      const error = this.checkHead();
      if (error) return callback(error);
    }
    this.result = { sizeBytes: this.bytesSeen, sha256: this.hash.digest('hex'), sniffed: sniffFileType(Buffer.concat(this.head), Buffer.concat(this.tail)) };
    callback();
  }

  private checkHead(): Error | undefined {
    this.headChecked = true;
    try {
      this.options.onHead?.(sniffFileType(Buffer.concat(this.head), Buffer.alloc(0)));
      return undefined;
    } catch (error) {
      return error as Error;
    }
  }

  /** Facts about the whole file; only once the stream has ended. */
  inspected(): InspectedUpload {
    if (!this.result) throw new Error('The upload has not been read to its end.');
    return this.result;
  }
}
