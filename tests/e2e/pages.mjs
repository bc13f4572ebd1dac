// The portal's pages for the end-to-end tests. ROUTES mirrors server/src/web/portal/PortalPaths.h
// (the paths every engineer agreed on); PAGES is what the accessibility test visits (in en, fr
// and gd, at 375 px and 1280 px) and screenshots. Add a line to PAGES when a page lands.

export const ROUTES = {
  start: '/',
  signIn: '/sign-in',
  signInCode: '/sign-in/code',
  signInRecoveryCode: '/sign-in/recovery-code',
  signOut: '/sign-out',
  signedOut: '/signed-out',
  account: '/account',
  termsOfService: '/policies/terms-of-service',
  privacyPolicy: '/policies/privacy-policy',
  dataCollectionPolicy: '/policies/data-collection',
  // Pages other engineers add (issue 3).
  createAccount: '/create-account',
  checkEmail: '/create-account/check-email',
  setUpSecondFactor: '/set-up-two-factor',
  forgottenPassword: '/forgotten-password',
  resetPassword: '/reset-password',
  acceptTerms: '/accept-terms',
  // Steps within the sign-up and recovery journeys.
  setUpApp: '/set-up-two-factor/app',
  setUpEmail: '/set-up-two-factor/email',
  recoveryCodes: '/set-up-two-factor/recovery-codes',
  passwordResetDone: '/reset-password/done',
  profile: '/account/profile',
  security: '/account/security',
  profileName: '/account/profile/name',
  profileDateOfBirth: '/account/profile/date-of-birth',
  profileSex: '/account/profile/sex',
  profileAddress: '/account/profile/address',
  profilePhone: '/account/profile/phone',
  profileLanguage: '/account/profile/language',
  profileEmail: '/account/profile/email',
  profileEmailConfirm: '/account/profile/email/confirm',
  securityPassword: '/account/security/password',
  securityRecoveryCodes: '/account/security/recovery-codes',
  // Proving who you are (issue 5).
  verify: '/account/verify',
  verifyIdentity: '/account/verify/identity',
  verifyIdentityQuestions: '/account/verify/identity/questions',
  verifyAddress: '/account/verify/address',
  verifyKnownFact: '/account/verify/known-fact',
  verifyDocuments: '/account/verify/documents',
  verifyDocument: '/account/verify/document',
  verifyPhotos: '/account/verify/photos',
  verifyVideo: '/account/verify/video',
  verifyCheck: '/account/verify/check',
  verifySubmitted: '/account/verify/submitted',
  verifyWithdraw: '/account/verify/withdraw',
};

//   name         screenshot name: tests/e2e/screenshots/<lang>-<width>-<name>.png
//   path         what the browser opens
//   needsSignIn  false: anyone; true: a signed-in citizen; 'password': after the password step,
//                before the second factor (the code pages)
//   account      which demo citizen: 'totp' (authenticator app) or 'email' (codes by email);
//                default: 'totp' when signed in, 'email' at the password step
//   expectPath   where the browser must end up (default: path), for pages that redirect
export const PAGES = [
  { name: 'start', path: ROUTES.start, needsSignIn: false },
  { name: 'sign-in', path: ROUTES.signIn, needsSignIn: false },
  { name: 'terms-of-service', path: ROUTES.termsOfService, needsSignIn: false },
  { name: 'privacy-policy', path: ROUTES.privacyPolicy, needsSignIn: false },
  { name: 'data-collection', path: ROUTES.dataCollectionPolicy, needsSignIn: false },
  { name: 'signed-out', path: ROUTES.signedOut, needsSignIn: false },
  { name: 'sign-in-code-app', path: ROUTES.signInCode, needsSignIn: 'password', account: 'totp' },
  { name: 'sign-in-recovery-code', path: ROUTES.signInRecoveryCode, needsSignIn: 'password', account: 'totp' },
  { name: 'sign-in-code-email', path: ROUTES.signInCode, needsSignIn: 'password', account: 'email' },
  { name: 'account', path: ROUTES.account, needsSignIn: true },
  { name: 'sign-out', path: ROUTES.signOut, needsSignIn: true },
  { name: 'profile', path: ROUTES.profile, needsSignIn: true },
  { name: 'profile-name', path: ROUTES.profileName, needsSignIn: true },
  { name: 'profile-date-of-birth', path: ROUTES.profileDateOfBirth, needsSignIn: true },
  { name: 'profile-sex', path: ROUTES.profileSex, needsSignIn: true },
  { name: 'profile-address', path: ROUTES.profileAddress, needsSignIn: true },
  { name: 'profile-phone', path: ROUTES.profilePhone, needsSignIn: true },
  { name: 'profile-language', path: ROUTES.profileLanguage, needsSignIn: true },
  { name: 'profile-email', path: ROUTES.profileEmail, needsSignIn: true },
  { name: 'security', path: ROUTES.security, needsSignIn: true },
  { name: 'security-password', path: ROUTES.securityPassword, needsSignIn: true },
  { name: 'security-recovery-codes', path: ROUTES.securityRecoveryCodes, needsSignIn: true },
  // Sign-up and recovery. The pages of a sign-up under way (check your email, two-factor set-up,
  // the recovery codes) and the terms interstitial need an account at that step: sign-up.test.mjs
  // walks through them in every language and width instead.
  { name: 'create-account', path: ROUTES.createAccount, needsSignIn: false },
  { name: 'forgotten-password', path: ROUTES.forgottenPassword, needsSignIn: false },
  {
    name: 'reset-password',
    path: `${ROUTES.resetPassword}?email=someone%40example.org&sent=1`,
    expectPath: ROUTES.resetPassword,
    needsSignIn: false,
  },
  { name: 'password-reset-done', path: ROUTES.passwordResetDone, needsSignIn: false },
  { name: 'recovery-codes-shown', path: ROUTES.recoveryCodes, needsSignIn: true },
  // Proving who you are, as the demo citizen (level 0, nothing verified) sees them: the address
  // and known-fact pages then say to confirm the identity first, and the documents page to
  // reach level 1 first.
  { name: 'verify', path: ROUTES.verify, needsSignIn: true },
  { name: 'verify-identity', path: ROUTES.verifyIdentity, needsSignIn: true },
  { name: 'verify-address-first', path: ROUTES.verifyAddress, needsSignIn: true },
  { name: 'verify-known-fact-first', path: ROUTES.verifyKnownFact, needsSignIn: true },
  { name: 'verify-documents', path: ROUTES.verifyDocuments, needsSignIn: true },
  { name: 'verify-documents-photo', path: `${ROUTES.verifyDocuments}?evidence=document_photo`, expectPath: ROUTES.verifyDocuments, needsSignIn: true },
];

// The verification pages that need an application in progress (a draft), or one just sent:
// verify.test.mjs checks them, in every language and width, with its citizen once they have one.
export const DRAFT_PAGES = [
  { name: 'verify-address', path: ROUTES.verifyAddress },
  { name: 'verify-known-fact', path: ROUTES.verifyKnownFact },
  { name: 'verify-document', path: ROUTES.verifyDocument },
  { name: 'verify-photos', path: ROUTES.verifyPhotos },
  { name: 'verify-video', path: ROUTES.verifyVideo },
  { name: 'verify-check', path: ROUTES.verifyCheck },
  { name: 'verify-withdraw', path: ROUTES.verifyWithdraw },
];
