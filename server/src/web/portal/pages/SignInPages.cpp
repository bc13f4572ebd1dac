// Signing in, one question per page: email and password (/sign-in), then the code from the
// authenticator app or the email (/sign-in/code), or a recovery code instead
// (/sign-in/recovery-code). Each step keeps "next", the page the citizen was going to.
#include "core/accounts/ProfileService.h"
#include "core/auth/SignInService.h"
#include "tessera/shared/Email.h"
#include "web/Authentication.h"
#include "web/portal/PageResponse.h"
#include "web/portal/PortalAuth.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/Pages.h"

namespace tessera::web::portal {

namespace {

using core::SessionStage;

const std::string kEmail = "email", kPassword = "password", kCode = "code", kRecoveryCode = "recoveryCode";
constexpr std::size_t kMaxEmail = 320, kMaxPassword = 1024, kMaxCode = 64;

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

FieldSpec field(std::string name, std::string labelKey, std::string type, std::string autocomplete) {
    FieldSpec f;
    f.name = std::move(name);
    f.labelKey = std::move(labelKey);
    f.type = std::move(type);
    f.autocomplete = std::move(autocomplete);
    return f;
}

std::vector<FieldSpec> passwordFields() {
    FieldSpec email = field(kEmail, "sign_in.email", "email", "email");
    email.spellcheck = false;
    return {email, field(kPassword, "sign_in.password", "password", "current-password")};
}

std::vector<FieldSpec> codeFields() {
    FieldSpec code = field(kCode, "sign_in_code.code", "text", "one-time-code");
    code.inputmode = "numeric";
    code.widthClass = "govuk-input--width-10";
    code.spellcheck = false;
    return {code};
}

std::vector<FieldSpec> recoveryCodeFields() {
    FieldSpec code = field(kRecoveryCode, "recovery_code.code", "text", "off");
    code.hintKey = "recovery_code.hint";
    code.widthClass = "govuk-input--width-20";
    code.spellcheck = false;
    return {code};
}

// A refusal from the sign-in service, with Retry-After when it was throttled.
int refusalStatus(Page& page, const core::SignInService& signIn, const Error& e) {
    if (e.kind == ErrorKind::TooManyRequests && signIn.retryAfterSeconds() > 0)
        page.request().response.set("Retry-After", std::to_string(signIn.retryAfterSeconds()));
    return failedFormStatus(e);
}

// --- email and password ---

void renderPasswordForm(Page& page, const FormView& form, const std::optional<std::string>& next, int status) {
    page.data()
        .set("next", next.value_or(""))
        .set("canCreateAccount", page.hasPage(paths::kCreateAccount))
        .set("canResetPassword", page.hasPage(paths::kForgottenPassword));
    page.render("sign-in", "sign_in.title", form, status);
}

void showSignIn(Page& page) {
    if (page.visitor() && page.visitor()->session.stage == SessionStage::Authenticated)
        return page.redirect(returnPathOr(page.next(), paths::kAccount));
    FormView form = page.formView(passwordFields());
    // A service's login_hint arrives as ?email=: a well-formed address pre-fills the form.
    if (auto hint = page.request().queryParam(kEmail); hint && hint->size() <= kMaxEmail) {
        if (auto email = validate::email(*hint)) form.keep(FormFields::parse("email=" + formEncode(*email)));
    }
    renderPasswordForm(page, form, page.next(), 200);
}

void submitSignIn(Page& page) {
    const FormFields posted = page.postedForm();
    const auto next = page.next(&posted);
    FormView form = page.formView(passwordFields());
    form.keep(posted);
    if (!page.csrfValid(posted)) return renderPasswordForm(page, form.expired(), next, 400);

    core::PasswordSignIn attempt;
    attempt.email = trimmed(posted.value(kEmail));
    attempt.password = posted.value(kPassword);
    if (attempt.email.empty()) form.fieldError(kEmail, "errors.email.required");
    else if (attempt.email.size() > kMaxEmail) form.fieldError(kEmail, "errors.email.too_long");
    if (attempt.password.empty()) form.fieldError(kPassword, "errors.password.required");
    else if (attempt.password.size() > kMaxPassword) form.fieldError(kPassword, "errors.password.too_long");
    if (form.hasErrors()) return renderPasswordForm(page, form, next, 400);
    attempt.clientAddress = page.request().clientAddress;
    attempt.userAgent = page.request().header("User-Agent").value_or("");

    core::SignInService signIn(page.services());
    auto progress = signIn.withPassword(attempt);
    if (!progress) {
        const int status = refusalStatus(page, signIn, progress.error());
        return renderPasswordForm(page, form.coreError(progress.error(), kEmail), next, status);
    }
    setSessionCookie(page.request(), page.services(), progress->session);
    if (progress->next == "verify_email") return page.redirect(withNext(paths::kCheckEmail, next));
    if (progress->next == "second_factor_setup") return page.redirect(withNext(paths::kSetUpSecondFactor, next));
    page.redirect(withNext(paths::kSignInCode, next));
}

// --- the second factor ---

// Signed in: a new session cookie, then where the citizen was going.
void finishSignIn(Page& page, const core::NewSession& signedIn, const std::optional<std::string>& next) {
    setSessionCookie(page.request(), page.services(), signedIn);
    page.redirect(returnPathOr(next, paths::kAccount));
}

void renderCodeForm(Page& page, const CurrentSession& session, const FormView& form,
                    const std::optional<std::string>& next, int status) {
    auto account = core::ProfileService(page.services()).view(session.session.accountId);
    const bool byEmail = account && account->secondFactor == core::SecondFactorMethod::Email;
    page.data()
        .set("next", next.value_or(""))
        .set("byEmail", byEmail)
        .set("sentTo", byEmail ? page.t()("sign_in_code.sent_to", {{"email", account->email}}) : std::string())
        .set("recoveryCodeLink", withNext(paths::kSignInRecoveryCode, next))
        .set("signInAgainLink", withNext(paths::kSignIn, next));
    page.render("sign-in-code", byEmail ? "sign_in_code.title_email" : "sign_in_code.title_app", form, status);
}

void showCode(Page& page) {
    auto session = page.requireStage({SessionStage::PendingSecondFactor}, withNext(paths::kSignIn, page.next()));
    if (!session) return;
    renderCodeForm(page, *session, page.formView(codeFields()), page.next(), 200);
}

// The code and recovery-code posts differ only in their field and page.
void submitProof(Page& page, bool recovery) {
    const FormFields posted = page.postedForm();
    const auto next = page.next(&posted);
    auto session = page.requireStage({SessionStage::PendingSecondFactor}, withNext(paths::kSignIn, next));
    if (!session) return;
    const std::string name = recovery ? kRecoveryCode : kCode;
    FormView form = page.formView(recovery ? recoveryCodeFields() : codeFields());
    form.keep(posted);
    auto again = [&](int status) {
        if (recovery) {
            page.data().set("next", next.value_or("")).set("codeLink", withNext(paths::kSignInCode, next));
            return page.render("recovery-code", "recovery_code.title", form, status);
        }
        renderCodeForm(page, *session, form, next, status);
    };
    if (!page.csrfValid(posted)) {
        form.expired();
        return again(400);
    }

    core::SecondFactorProof proof;
    const std::string value = trimmed(posted.value(name));
    if (value.empty()) form.fieldError(name, "errors." + name + ".required");
    else if (value.size() > kMaxCode) form.fieldError(name, "errors." + name + ".code_wrong");
    if (form.hasErrors()) return again(400);
    (recovery ? proof.recoveryCode : proof.code) = value;

    core::SignInService signIn(page.services());
    auto signedIn = signIn.withSecondFactor({session->session, session->token, page.request().clientAddress}, proof);
    if (!signedIn) {
        const int status = refusalStatus(page, signIn, signedIn.error());
        form.coreError(signedIn.error(), name);
        return again(status);
    }
    finishSignIn(page, *signedIn, next);
}

void showRecoveryCode(Page& page) {
    const auto next = page.next();
    if (!page.requireStage({SessionStage::PendingSecondFactor}, withNext(paths::kSignIn, next))) return;
    page.data().set("next", next.value_or("")).set("codeLink", withNext(paths::kSignInCode, next));
    page.render("recovery-code", "recovery_code.title", page.formView(recoveryCodeFields()));
}

}  // namespace

void registerSignInPages(PortalRouter& pages) {
    pages.get(paths::kSignIn, showSignIn);
    pages.post(paths::kSignIn, submitSignIn);
    pages.get(paths::kSignInCode, showCode);
    pages.post(paths::kSignInCode, [](Page& page) { submitProof(page, /*recovery=*/false); });
    pages.get(paths::kSignInRecoveryCode, showRecoveryCode);
    pages.post(paths::kSignInRecoveryCode, [](Page& page) { submitProof(page, /*recovery=*/true); });
}

}  // namespace tessera::web::portal
