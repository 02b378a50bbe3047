/** Types of the two graphql-upload 17 modules used (the package ships JSDoc-typed .mjs only). */
declare module 'graphql-upload/GraphQLUpload.mjs' {
  import { type GraphQLScalarType } from 'graphql';
  const GraphQLUpload: GraphQLScalarType;
  export default GraphQLUpload;
}

declare module 'graphql-upload/graphqlUploadExpress.mjs' {
  import { type RequestHandler } from 'express';
  export default function graphqlUploadExpress(options?: { maxFieldSize?: number; maxFileSize?: number; maxFiles?: number }): RequestHandler;
}
