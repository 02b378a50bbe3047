import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { CommonException, isConstraintViolation, PgErrorCode } from '../common/index.js';
import { LoginThrottle } from '../security/index.js';
import { ConsentPurpose, ConsentsService } from '../consent/index.js';
import { type Actor } from './actor.js';
import { AccountEntity } from './entities/account.entity.js';
import { IdentityException } from './identity.exception.js';
import { normaliseEmail } from './normalise.js';
import { type OrganisationInput, OrganisationsService } from './organisations.service.js';
import { PasswordHasher } from './password-hasher.js';
import { TokenService } from './token.service.js';

export interface RegisterAccountInput {
  email: string;
  name: string;
  password: string;
  jobTitle?: string | null;
  organisation?: OrganisationInput | null;
  /** Version of the account consent wording the person agreed to; required. */
  consentVersion?: string | null;
}

export interface AuthResult {
  token: string;
  expiresAt: Date;
  account: AccountEntity;
}

/** The shortest password accepted anywhere (registration, reset, change). */
export const MIN_PASSWORD = 10;

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly consents: ConsentsService,
  ) {}

  async register(input: RegisterAccountInput): Promise<AuthResult> {
    const email = normaliseEmail(input.email);
    const name = requireName(input.name);
    if (typeof input.password !== 'string' || input.password.length < MIN_PASSWORD) throw IdentityException.weakPassword();
    const consentVersion = this.consents.assertValid(ConsentPurpose.ACCOUNT, input.consentVersion, 'input.consentVersion');
    const passwordHash = await this.hasher.hash(input.password);
    const account = await this.dataSource.transaction(async (manager) => {
      const organisation = input.organisation ? await this.organisations.findOrCreate(input.organisation, manager) : null;
      const created = await this.insert(manager, { email, name, passwordHash, organisationId: organisation?.id ?? null, jobTitle: input.jobTitle ?? null });
      await this.consents.record(manager, { accountId: created.id, purpose: ConsentPurpose.ACCOUNT, version: consentVersion, field: 'input.consentVersion' });
      return created;
    });
    return { ...(await this.tokens.issue(account.id)), account };
  }

  /**
   * Signs in. Repeated failures of one e-mail from one address back off exponentially (checked
   * before the password, so a locked pair learns nothing); the answer never says whether the
   * e-mail has an account, and argon2 costs the same for unknown e-mails.
   */
  async login(emailInput: string, password: string, client: { ip?: string | null } = {}): Promise<AuthResult> {
    const email = typeof emailInput === 'string' ? emailInput.trim() : '';
    await this.throttle.assertAllowed(email, client.ip);
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('lower(a.email) = lower(:email)', { email })
      .getOne();
    const ok = await this.hasher.verify(account?.passwordHash, String(password ?? ''));
    if (!account || !ok) {
      await this.throttle.recordFailure(email, client.ip);
      throw IdentityException.invalidCredentials();
    }
    await this.throttle.recordSuccess(email, client.ip);
    // Told only to someone who knows the password, so it reveals nothing to a guesser.
    if (account.suspendedAt) throw IdentityException.accountSuspended();
    delete (account as Partial<AccountEntity>).passwordHash;
    return { ...(await this.tokens.issue(account.id)), account };
  }

  /** The signed-in account; UNAUTHENTICATED for anonymous or a token of a deleted account. */
  async current(actor: Actor | null): Promise<AccountEntity> {
    if (!actor) throw CommonException.authenticationRequired();
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ id: actor.accountId });
    if (!account) throw CommonException.invalidToken('The account of this token no longer exists.');
    return account;
  }

  /** Ends every session of the actor: all tokens issued so far stop working, this one included. */
  async revokeAllTokens(actor: Actor | null): Promise<void> {
    if (!actor) throw CommonException.authenticationRequired();
    await this.tokens.revokeAll(actor.accountId);
  }

  /**
   * Erasure: replaces name and e-mail with a tombstone, drops password, organisation and job
   * title, and revokes every token, in the caller's transaction. The row stays so meetings and
   * participations remain countable, now anonymous.
   */
  async erasePersonalData(manager: EntityManager, accountId: string): Promise<void> {
    await manager.query(
      `UPDATE account SET name = 'Deleted account', email = 'erased-' || id || '@erased.invalid', password_hash = NULL,
              organisation_id = NULL, job_title = NULL, token_version = token_version + 1, erased_at = now(), updated_at = now()
        WHERE id = $1`,
      [accountId],
    );
  }

  findByIds(ids: readonly string[]): Promise<AccountEntity[]> {
    return this.dataSource.getRepository(AccountEntity).findBy({ id: In([...ids]) });
  }

  findByEmails(emails: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<AccountEntity[]> {
    if (emails.length === 0) return Promise.resolve([]);
    return manager
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .where('lower(a.email) IN (:...emails)', { emails: emails.map((e) => e.toLowerCase()) })
      .getMany();
  }

  /** Creates an account without a password (an organiser's import); the person sets one later. */
  createWithoutPassword(
    manager: EntityManager,
    fields: { email: string; name: string; organisationId: string | null; jobTitle?: string | null },
  ): Promise<AccountEntity> {
    return this.insert(manager, { ...fields, passwordHash: null, jobTitle: fields.jobTitle ?? null });
  }

  async updateImported(
    manager: EntityManager,
    id: string,
    fields: { name: string; organisationId: string | null },
  ): Promise<void> {
    await manager.getRepository(AccountEntity).update({ id }, fields);
  }

  private async insert(
    manager: EntityManager,
    fields: { email: string; name: string; passwordHash: string | null; organisationId: string | null; jobTitle: string | null },
  ): Promise<AccountEntity> {
    try {
      const saved = await manager.getRepository(AccountEntity).save(manager.getRepository(AccountEntity).create(fields));
      delete (saved as Partial<AccountEntity>).passwordHash;
      return saved;
    } catch (error) {
      if (isConstraintViolation(error, PgErrorCode.UNIQUE_VIOLATION, 'account_email_key')) throw IdentityException.emailTaken();
      throw error;
    }
  }
}

function requireName(raw: string): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (!name || name.length > 200) throw CommonException.textLength('name', 'The name must have 1 to 200 characters.', { min: 1, max: 200 });
  return name;
}
