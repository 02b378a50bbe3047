import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { CommonException } from '../common/index.js';
import { type Actor } from './actor.js';

const ISSUER = 'clustermeet';

/** Signs and checks the bearer tokens that log a person in (HS256 JWT). */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = new TextEncoder().encode(config.authSecret);
  }

  async issue(accountId: string): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.config.authTokenTtlSeconds * 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(accountId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The actor a token stands for; throws UNAUTHENTICATED when it is forged or expired. */
  async verify(token: string): Promise<Actor> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string') throw new Error('no subject');
      return { accountId: payload.sub };
    } catch {
      throw CommonException.invalidToken();
    }
  }

  /** Reads `Authorization: Bearer <token>`; null when the header is absent. */
  async actorFromHeader(header: string | undefined): Promise<Actor | null> {
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw CommonException.invalidToken('The Authorization header must be "Bearer <token>".');
    return this.verify(match[1]);
  }
}
