import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's recommended cost (19 MiB, 2 passes). */
@Injectable()
export class PasswordHasher {
  // A fixed hash to verify against when the account is unknown, so both paths cost the same.
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  }

  async verify(hashValue: string | null | undefined, password: string): Promise<boolean> {
    if (!hashValue) {
      this.dummyHash ??= this.hash('clustermeet-no-such-account');
      await verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    return verify(hashValue, password).catch(() => false);
  }
}
