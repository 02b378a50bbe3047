import { type Request } from 'express';
import { type Actor } from '../../../libs/identity/index.js';
import { type Loaders } from './loaders.js';

export interface ApiRequest extends Request {
  actor?: Actor | null;
  requestId?: string;
}

export interface GraphQLContext {
  req: ApiRequest;
  loaders: Loaders;
}
