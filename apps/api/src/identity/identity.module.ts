import { Module } from '@nestjs/common';
import { AcceptInvitationController } from './accept-invitation/accept-invitation.controller';
import { AcceptInvitationHandler } from './accept-invitation/accept-invitation.handler';
import { ChangePasswordController } from './change-password/change-password.controller';
import { ChangePasswordHandler } from './change-password/change-password.handler';
import { ChangePersonHandler } from './change-person/change-person.handler';
import { InvitePersonHandler } from './invite-person/invite-person.handler';
import { ListPeopleHandler } from './list-people/list-people.handler';
import { PeopleController } from './people.controller';
import { ConfirmCustomerCodeHandler } from './customer-codes/confirm-customer-code.handler';
import { CustomerCodesController } from './customer-codes/customer-codes.controller';
import { RequestCustomerCodeHandler } from './customer-codes/request-customer-code.handler';
import { OneTimeCodes } from './one-time-codes';
import { ConfirmPasswordResetHandler } from './password-reset/confirm-password-reset.handler';
import { PasswordResetController } from './password-reset/password-reset.controller';
import { RequestPasswordResetHandler } from './password-reset/request-password-reset.handler';
import { SessionsController } from './sign-in/sign-in.controller';
import { SignInHandler } from './sign-in/sign-in.handler';
import { SignOutHandler } from './sign-in/sign-out.handler';
import { PortalSignIn } from './portal-sign-in/portal-sign-in';
import { PortalSignInController } from './portal-sign-in/portal-sign-in.controller';
import { SsoSettingsController } from './sso/sso-settings.controller';
import { SsoSignIn } from './sso/sso-sign-in';
import { SsoSignInController } from './sso/sso-sign-in.controller';

@Module({
  controllers: [
    SessionsController,
    AcceptInvitationController,
    ChangePasswordController,
    PeopleController,
    SsoSettingsController,
    SsoSignInController,
    PasswordResetController,
    CustomerCodesController,
    PortalSignInController,
  ],
  providers: [
    SignInHandler,
    SignOutHandler,
    AcceptInvitationHandler,
    ChangePasswordHandler,
    ChangePersonHandler,
    InvitePersonHandler,
    ListPeopleHandler,
    SsoSignIn,
    OneTimeCodes,
    RequestPasswordResetHandler,
    ConfirmPasswordResetHandler,
    RequestCustomerCodeHandler,
    ConfirmCustomerCodeHandler,
    PortalSignIn,
  ],
})
export class IdentityModule {}
