#pragma once
// The portal's page paths, named once so handlers, redirects and tests agree. A page that
// does not exist yet is never linked: templates link through Page::linkIfExists (the
// dashboard's cards, for one) until its engineer registers the route.
namespace tessera::web::portal::paths {

inline constexpr const char* kStart = "/";
inline constexpr const char* kSignIn = "/sign-in";
inline constexpr const char* kSignInCode = "/sign-in/code";
inline constexpr const char* kSignInRecoveryCode = "/sign-in/recovery-code";
inline constexpr const char* kSignOut = "/sign-out";
inline constexpr const char* kSignedOut = "/signed-out";
inline constexpr const char* kAccount = "/account";
inline constexpr const char* kPolicies = "/policies";  // /policies/{terms-of-service|privacy-policy|data-collection}
inline constexpr const char* kTermsOfService = "/policies/terms-of-service";
inline constexpr const char* kPrivacyPolicy = "/policies/privacy-policy";
inline constexpr const char* kDataCollectionPolicy = "/policies/data-collection";

// Pages other engineers add (issue 3); paths agreed here so links and redirects match.
inline constexpr const char* kCreateAccount = "/create-account";
inline constexpr const char* kCheckEmail = "/create-account/check-email";
inline constexpr const char* kSetUpSecondFactor = "/set-up-two-factor";
inline constexpr const char* kForgottenPassword = "/forgotten-password";
inline constexpr const char* kResetPassword = "/reset-password";
inline constexpr const char* kAcceptTerms = "/accept-terms";
// The steps within the sign-up and recovery journeys (posts and the pages after them).
inline constexpr const char* kCheckEmailResend = "/create-account/check-email/resend";
inline constexpr const char* kSetUpApp = "/set-up-two-factor/app";
inline constexpr const char* kSetUpEmail = "/set-up-two-factor/email";
inline constexpr const char* kSetUpEmailResend = "/set-up-two-factor/email/resend";
inline constexpr const char* kRecoveryCodes = "/set-up-two-factor/recovery-codes";
inline constexpr const char* kPasswordResetDone = "/reset-password/done";
inline constexpr const char* kProfile = "/account/profile";
inline constexpr const char* kSecurity = "/account/security";
inline constexpr const char* kVerifyIdentity = "/account/verify";
inline constexpr const char* kConnectedServices = "/account/services";
// The citizen's own profile and security pages (each change on its own page, then back).
inline constexpr const char* kProfileName = "/account/profile/name";
inline constexpr const char* kProfileDateOfBirth = "/account/profile/date-of-birth";
inline constexpr const char* kProfileSex = "/account/profile/sex";
inline constexpr const char* kProfileAddress = "/account/profile/address";
inline constexpr const char* kProfilePhone = "/account/profile/phone";
inline constexpr const char* kProfileLanguage = "/account/profile/language";
inline constexpr const char* kProfileEmail = "/account/profile/email";
inline constexpr const char* kProfileEmailConfirm = "/account/profile/email/confirm";
inline constexpr const char* kSecurityPassword = "/account/security/password";
inline constexpr const char* kSecurityRecoveryCodes = "/account/security/recovery-codes";
inline constexpr const char* kSecuritySignOutSession = "/account/security/sessions/sign-out";
inline constexpr const char* kSecuritySignOutOthers = "/account/security/sessions/sign-out-others";
inline constexpr const char* kSecuritySignOutEverywhere = "/account/security/sessions/sign-out-everywhere";
// Proving who you are (issue 5): the overview, the register checks, then the application a
// reviewer checks (documents, photos, video), its review page and what follows submitting.
inline constexpr const char* kVerifyIdentityMatch = "/account/verify/identity";
inline constexpr const char* kVerifyIdentityQuestions = "/account/verify/identity/questions";
inline constexpr const char* kVerifyAddress = "/account/verify/address";
inline constexpr const char* kVerifyKnownFact = "/account/verify/known-fact";
inline constexpr const char* kVerifyDocuments = "/account/verify/documents";
inline constexpr const char* kVerifyDocument = "/account/verify/document";
inline constexpr const char* kVerifyPhotos = "/account/verify/photos";
inline constexpr const char* kVerifyVideo = "/account/verify/video";
inline constexpr const char* kVerifyCheck = "/account/verify/check";
inline constexpr const char* kVerifySubmitted = "/account/verify/submitted";
inline constexpr const char* kVerifyWithdraw = "/account/verify/withdraw";

// The OpenID Connect authorization endpoint and its own pages (web/oidc/AuthorizeEndpoint.h):
// where services send citizens, where sign-in returns to, where the consent form posts.
inline constexpr const char* kAuthorize = "/oauth2/authorize";
inline constexpr const char* kAuthorizeResume = "/oauth2/authorize/resume";
inline constexpr const char* kAuthorizeConsent = "/oauth2/authorize/consent";

}  // namespace tessera::web::portal::paths
