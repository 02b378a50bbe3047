import { ConsentModule } from '../consent/index.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecurityModule } from '../security/index.js';
import { AuditModule } from '../audit/index.js';
import { AccountsService } from './accounts.service.js';
import { AccountEntity } from './entities/account.entity.js';
import { OrganisationEntity } from './entities/organisation.entity.js';
import { OrganisationsService } from './organisations.service.js';
import { PasswordHasher } from './password-hasher.js';
import { IdentityEvents } from './identity-events.js';
import { PasswordResetService } from './password-reset.service.js';
import { TokenService } from './token.service.js';
import { SuspensionsService } from './suspensions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AccountEntity, OrganisationEntity]), SecurityModule, ConsentModule, AuditModule],
  providers: [AccountsService, OrganisationsService, PasswordHasher, TokenService, SuspensionsService, PasswordResetService, IdentityEvents],
  exports: [AccountsService, OrganisationsService, TokenService, SuspensionsService, PasswordResetService, IdentityEvents],
})
export class IdentityModule {}
