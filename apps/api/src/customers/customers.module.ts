import { Module } from '@nestjs/common';
import { EraseCustomerController } from './erase-customer/erase-customer.controller';
import { EraseCustomerHandler } from './erase-customer/erase-customer.handler';
import { GetCompanyController } from './get-company/get-company.controller';
import { GetCompanyHandler } from './get-company/get-company.handler';
import { ImportController } from './import/import.controller';
import { ImportHandler } from './import/import.handler';
import { ListCompaniesController } from './list-companies/list-companies.controller';
import { ListCompaniesHandler } from './list-companies/list-companies.handler';
import { ListCustomersController } from './list-customers/list-customers.controller';
import { ListCustomersHandler } from './list-customers/list-customers.handler';
import { UpsertCompanyController } from './upsert-company/upsert-company.controller';
import { UpsertCompanyHandler } from './upsert-company/upsert-company.handler';
import { UpsertCustomerController } from './upsert-customer/upsert-customer.controller';
import { UpsertCustomerHandler } from './upsert-customer/upsert-customer.handler';

/** End users and companies, upserted by external id or imported from CSV, and the company page. */
@Module({
  controllers: [
    EraseCustomerController,
    ListCompaniesController,
    GetCompanyController,
    UpsertCompanyController,
    ListCustomersController,
    UpsertCustomerController,
    ImportController,
  ],
  providers: [
    EraseCustomerHandler,
    UpsertCompanyHandler,
    UpsertCustomerHandler,
    ImportHandler,
    ListCompaniesHandler,
    GetCompanyHandler,
    ListCustomersHandler,
  ],
})
export class CustomersModule {}
