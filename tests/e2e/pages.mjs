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
  profile: '/account/profile',
  security: '/account/security',
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
];
