import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { CommonException } from '../common/index.js';
import { OrganisationEntity, OrganisationType } from './entities/organisation.entity.js';
import { normaliseCountry } from './normalise.js';

export interface OrganisationInput {
  name: string;
  type: OrganisationType;
  country?: string | null;
  region?: string | null;
  website?: string | null;
  description?: string | null;
}

@Injectable()
export class OrganisationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
  }

  /**
   * The organisation with this name and country (case-insensitive), created if new. Safe under
   * concurrency: the unique index decides, and the existing row's type and region are kept
   * unless it had none.
   */
  async findOrCreate(input: OrganisationInput, manager: EntityManager = this.dataSource.manager): Promise<OrganisationEntity> {
    const name = input.name?.trim();
    if (!name || name.length > 200) throw CommonException.textLength('organisation.name', 'The organisation needs a name of at most 200 characters.', { min: 1, max: 200 });
    if (!Object.values(OrganisationType).includes(input.type)) {
      throw CommonException.invalidInput('organisation.type', `Unknown organisation type "${input.type}".`);
    }
    const country = normaliseCountry(input.country, 'organisation.country');
    const rows: OrganisationEntity[] = await manager.query(
      `INSERT INTO organisation (name, type, country, region, website, description)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (lower(name), coalesce(country, ''))
       DO UPDATE SET region = coalesce(organisation.region, EXCLUDED.region),
                     website = coalesce(organisation.website, EXCLUDED.website),
                     description = coalesce(organisation.description, EXCLUDED.description)
       RETURNING id`,
      [name, input.type, country, input.region?.trim() || null, input.website?.trim() || null, input.description?.trim() || null],
    );
    return manager.getRepository(OrganisationEntity).findOneByOrFail({ id: rows[0].id });
  }
}
