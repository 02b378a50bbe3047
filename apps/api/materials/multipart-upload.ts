import busboy from 'busboy';
import { type IncomingFile, MaterialsException } from '../../../libs/materials/index.js';
import { type ApiRequest } from '../graphql/request.js';

/**
 * Reads a multipart/form-data request with busboy: text fields first, then ONE part named
 * "file", handed over as a stream (never buffered). Fields sent after the file are ignored, so
 * clients put them first. On failure the rest of the request is read and discarded so the
 * client still receives the error response.
 */
export function receiveUpload<T>(req: ApiRequest, handle: (fields: Record<string, string>, file: IncomingFile) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      discardRest(req);
      return reject(MaterialsException.malformedUpload('Send the file as multipart/form-data with a part named "file".'));
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 20, fieldSize: 16 * 1024, parts: 25 } });
    } catch (error) {
      discardRest(req);
      return reject(MaterialsException.malformedUpload(`The multipart request is malformed: ${(error as Error).message}`));
    }
    const fields: Record<string, string> = {};
    let fileSeen = false;
    let settled = false;
    let fileStream: (NodeJS.ReadableStream & { destroy(error?: Error): void }) | undefined;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // A file still being read (client gone, malformed body) must fail, or storage would wait for its end.
      fileStream?.destroy(error as Error);
      req.unpipe(parser);
      parser.removeAllListeners();
      parser.on('error', () => {});
      discardRest(req);
      reject(error);
    };
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || fileSeen) {
        stream.resume();
        return;
      }
      fileSeen = true;
      fileStream = stream;
      stream.on('error', () => {});
      Promise.resolve()
        .then(() => handle(fields, { fileName: info.filename, stream }))
        .then(
          (value) => {
            if (settled) return;
            settled = true;
            resolve(value);
          },
          (error) => {
            stream.resume();
            fail(error);
          },
        );
    });
    parser.on('close', () => {
      if (!fileSeen) fail(MaterialsException.noFile());
    });
    parser.on('error', (error) => fail(MaterialsException.malformedUpload(`The multipart request is malformed: ${(error as Error).message}`)));
    req.on('aborted', () => fail(MaterialsException.malformedUpload('The upload was interrupted.')));
    req.pipe(parser);
  });
}

/** How much of a refused upload is still read (and thrown away) so the client sees the answer. */
const DISCARD_LIMIT = 16 * 1024 * 1024;

/**
 * Reads and drops the rest of a refused request: most clients only read the response once they
 * have sent their body. Past DISCARD_LIMIT the connection is cut, so a huge refused upload does
 * not keep the server busy.
 */
function discardRest(req: ApiRequest): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT) req.destroy();
  });
  req.resume();
}
