import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { assertStorageKey, type ByteRange, type MaterialStorage } from './material-storage.js';

export interface S3StorageOptions {
  bucket: string;
  /** Object key prefix, e.g. "materials/". */
  prefix?: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Bytes per multipart part; memory held per upload is about partSize × queueSize. */
  partSize?: number;
  queueSize?: number;
}

/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph, Garage...) for deployments on several
 * machines. Uploads are multipart and streamed; a failed stream aborts the multipart upload,
 * so no object and no orphan parts remain.
 */
export class S3Storage implements MaterialStorage {
  readonly kind = 's3' as const;
  readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    const config: S3ClientConfig = {
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      // Many S3-compatible servers do not know the newer default checksum headers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    if (options.accessKeyId && options.secretAccessKey) {
      config.credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
    }
    this.client = new S3Client(config);
  }

  async put(key: string, body: Readable, contentType: string): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: this.objectKey(key), Body: body, ContentType: contentType },
      partSize: this.options.partSize ?? 8 * 1024 * 1024,
      queueSize: this.options.queueSize ?? 2,
      leavePartsOnError: false,
    });
    // lib-storage may stop reading on its own failure; make sure the source does not stall.
    let failed: unknown;
    body.once('error', (error) => (failed ??= error));
    try {
      await upload.done();
    } catch (error) {
      await upload.abort().catch(() => {});
      throw failed ?? error;
    }
    if (failed) {
      await this.delete(key);
      throw failed;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const result = await this.client.send(
      new GetObjectCommand({
        Bucket: this.options.bucket,
        Key: this.objectKey(key),
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    const body = result.Body;
    if (body instanceof Readable) return body;
    return Readable.fromWeb((body as { transformToWebStream(): ReadableStream }).transformToWebStream() as never);
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
      throw error;
    }
  }

  private objectKey(key: string): string {
    assertStorageKey(key);
    return (this.options.prefix ?? '') + key;
  }
}
