import { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import graphqlUploadExpress from 'graphql-upload/graphqlUploadExpress.mjs';
import { type Readable } from 'node:stream';
import { type AppConfig } from '../../../libs/config/index.js';

/** What a resolver receives for an `Upload!` argument (graphql-upload's FileUpload, the parts used). */
export interface GraphQLFileUpload {
  filename: string;
  mimetype: string;
  createReadStream(): Readable;
}

/**
 * GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec) on
 * /graphql, for the uploadMaterial mutations. Only requests carrying Apollo's CSRF header
 * (`apollo-require-preflight` or `x-apollo-operation-name`) are parsed: without it Apollo refuses
 * the request anyway, so nothing of a cross-site form post is read. The file is buffered to a
 * temporary file by graphql-upload (fs-capacitor), never to memory; the per-event size limit is
 * applied while the resolver streams it to storage.
 */
export function graphqlUploadMiddleware(config: AppConfig): RequestHandler {
  const upload = graphqlUploadExpress({ maxFileSize: config.materials.maxBytesLimit, maxFiles: 1, maxFieldSize: 64 * 1024 });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('multipart/form-data')) return next();
    if (!req.headers['apollo-require-preflight'] && !req.headers['x-apollo-operation-name']) return next();
    return upload(req, res, next);
  };
}
