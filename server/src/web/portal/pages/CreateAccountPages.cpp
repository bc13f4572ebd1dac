// Creating an account: the form (/create-account: name, email, password, language, the terms
// in force and the consent), then the code we emailed (/create-account/check-email, with
// "send a new code"). Each step keeps "next", the page the citizen was going to.
//
// An email that already has an account must look exactly like a new one
// (core/accounts/DecoySession.h): registration answers it with a decoy pending session, and
// the check-email page treats a decoy exactly as a real pending session: the same page, the
// same CSRF field (the session's token), the same refusals through the same service, the same
// status codes and cookies. currentSession() and Page::requireStage() do not see decoys, so
// this page finds the pending session itself, as the REST handlers do.
#include "core/accounts/DecoySession.h"
#include "core/accounts/EmailVerificationService.h"
#include "core/accounts/RegistrationService.h"
#include "core/terms/TermsService.h"
#include "web/Authentication.h"
#include "web/portal/DateText.h"
#include "web/portal/FormCsrf.h"
#include "web/portal/Language.h"
#include "web/portal/PageResponse.h"
#include "web/portal/PortalAuth.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/Pages.h"
#include "web/portal/pages/SignUpForms.h"

namespace tessera::web::portal {

namespace {

using core::SessionStage;
using namespace signup;

const std::string kName = "name", kEmail = "email", kPassword = "password", kLanguage = "language",
                  kAcceptTerms = "acceptTerms", kConsent = "consent", kTermsId = "termsId", kCode = "code";

// --- the form ---

std::vector<FieldSpec> registrationFields() {
    return {textField(kName, "create_account.name", "text", "name"),
            emailField("create_account.email", "create_account.email_hint"),
            newPasswordField(kPassword, "create_account.password", "create_account.password_hint"),
            choiceField(kLanguage, "create_account.language", "radio"),
            choiceField(kAcceptTerms, "create_account.terms.label", "checkbox"),
            choiceField(kConsent, "create_account.consent.label", "checkbox", "create_account.consent.hint")};
}

std::string policyPath(core::TermsKind kind) {
    switch (kind) {
        case core::TermsKind::TermsOfService: return paths::kTermsOfService;
        case core::TermsKind::PrivacyPolicy: return paths::kPrivacyPolicy;
        case core::TermsKind::DataCollection: return paths::kDataCollectionPolicy;
    }
    return paths::kTermsOfService;
}

// The documents in force, in the page's language where translated: each with its title,
// version and link, and its id in a hidden field (accepting means accepting these versions).
void setDocuments(Page& page) {
    auto documents = core::TermsService(page.services()).current(page.language());
    if (!documents) throw std::runtime_error("the terms in force cannot be read: " + documents.error().message);
    PageData list = PageData::list();
    for (const auto& d : *documents) {
        PageData item;
        item.set("id", d.id)
            .set("title", d.title)
            .set("href", policyPath(d.kind))
            .set("documentLang", d.language == page.language() ? std::string() : d.language)
            .set("version", page.t()("policies.version", {{"version", std::to_string(d.version)},
                                                          {"date", dateText(page.t(), d.effectiveAt)}}));
        list.push(item);
    }
    page.data().set("documents", list);
}

void renderRegistration(Page& page, const FormView& form, const std::string& language,
                        const std::optional<std::string>& next, int status) {
    setDocuments(page);
    PageData languages;
    languages.set("isPageHeading", false);
    bool first = true;
    for (const auto& l : portalLanguages()) {
        const std::string code(l.code);
        languages.append("options", radioOption(kLanguage, first, code, std::string(l.endonym), "", code == language,
                                                code));
        first = false;
    }
    PageData terms, consent;
    terms.set("legend", page.t()("create_account.terms.legend"))
        .set("checkboxLabel", page.t()("create_account.terms.label"));
    consent.set("legend", page.t()("create_account.consent.legend"))
        .set("checkboxLabel", page.t()("create_account.consent.label",
                                       {{"organisation", page.portal().branding().organisationName}}));
    page.data()
        .set("next", next.value_or(""))
        .set("languageChoice", languages)
        .set("termsBox", terms)
        .set("consentBox", consent);
    page.render("create-account", "create_account.title", form, status);
}

void showCreateAccount(Page& page) {
    const auto next = page.next();
    if (page.visitor() && page.visitor()->session.stage == SessionStage::Authenticated)
        return page.redirect(returnPathOr(next, paths::kAccount));
    renderRegistration(page, page.formView(registrationFields()), page.language(), next, 200);
}

void submitCreateAccount(Page& page) {
    const FormFields posted = page.postedForm();
    const auto next = page.next(&posted);
    FormView form = page.formView(registrationFields());
    form.keep(posted);
    const std::string language = isPortalLanguage(posted.value(kLanguage)) ? posted.value(kLanguage) : page.language();
    if (!page.csrfValid(posted)) return renderRegistration(page, form.expired(), language, next, 400);

    core::RegistrationForm registration;
    registration.name = posted.value(kName);
    registration.email = trimmed(posted.value(kEmail));
    registration.password = posted.value(kPassword);
    registration.language = posted.value(kLanguage);
    // One box accepts the versions the page showed (their ids came with the form); the core
    // refuses them if another version took effect meanwhile.
    if (posted.value(kAcceptTerms) == kTicked) registration.acceptTerms = posted.values(kTermsId);
    registration.consent = posted.value(kConsent) == kTicked;

    auto registered = core::RegistrationService(page.services())
                          .create(registration, page.request().clientAddress,
                                  page.request().header("User-Agent").value_or(""));
    if (!registered) {
        showRefusal(page.t(), form, registered.error(), "create_account",
                    {"name", "email", "password", "language", "acceptTerms", "consent"}, kEmail);
        return renderRegistration(page, form, language, next, failedFormStatus(registered.error()));
    }
    // A new account or a decoy (the email was taken): the same cookie, the same next page.
    setSessionCookie(page.request(), page.services(), registered->session);
    page.redirect(withNext(paths::kCheckEmail, next));
}

// --- the emailed code ---

// The session waiting for its email code: a real one at PendingEmail, or a decoy.
struct PendingSignUp {
    core::Session session;
    std::string token;
    bool decoy = false;
};

// Mirrors web/Authentication.cpp requireSession: the real session first (without recording
// activity), then a decoy; a real one is touched once it is known to be at this step.
std::optional<PendingSignUp> pendingSignUp(Page& page) {
    auto& services = page.services();
    const auto token = page.request().cookie(sessionCookieName(services));
    if (!token || token->empty()) return std::nullopt;
    if (auto real = services.sessions.find(*token, /*touch=*/false)) {
        if (real->stage != SessionStage::PendingEmail) return std::nullopt;
        real = services.sessions.find(*token, /*touch=*/true);
        if (!real) return std::nullopt;
        return PendingSignUp{*real, *token, false};
    }
    if (auto decoy = core::openDecoySession(services, *token)) return PendingSignUp{*decoy, *token, true};
    return std::nullopt;
}

// No pending sign-up: on to wherever the visitor's session belongs (or sign in).
void sendOnward(Page& page, const std::optional<std::string>& next) {
    page.redirect(whereTheyBelong(currentSession(page.request(), page.services(), false), next));
}

std::vector<FieldSpec> emailCodeFields() { return {codeField("check_email.code")}; }

void renderCheckEmail(Page& page, const PendingSignUp& pending, const FormView& form,
                      const std::optional<std::string>& next, int status) {
    // The forms carry the pending session's CSRF token (a decoy's as a real one's): page data
    // is read over the layout's "csrf".
    page.data()
        .set("csrf", pending.session.csrfToken)
        .set("next", next.value_or(""))
        .set("formAction", paths::kCheckEmail)
        .set("resendAction", withNext(paths::kCheckEmailResend, next))
        .set("startAgain", withNext(paths::kCreateAccount, next));
    page.render("check-email", "check_email.title", form, status);
}

void showCheckEmail(Page& page) {
    const auto next = page.next();
    auto pending = pendingSignUp(page);
    if (!pending) return sendOnward(page, next);
    if (page.request().queryParam("sent") == "1")
        page.data().set("banner", successBanner(page.t(), page.t()("check_email.new_code_sent")));
    renderCheckEmail(page, *pending, page.formView(emailCodeFields()), next, 200);
}

void submitCheckEmail(Page& page) {
    const FormFields posted = page.postedForm();
    const auto next = page.next(&posted);
    auto pending = pendingSignUp(page);
    if (!pending) return sendOnward(page, next);
    FormView form = page.formView(emailCodeFields());
    form.keep(posted);
    if (!sessionFormTokenValid(pending->session, posted))
        return renderCheckEmail(page, *pending, form.expired(), next, 400);

    core::EmailVerificationService verification(page.services());
    const std::string code = posted.value(kCode);
    if (pending->decoy) {
        const Error refused = verification.verifyDecoy(pending->session, code);
        showRefusal(page.t(), form, refused, "check_email", {"code"}, kCode);
        return renderCheckEmail(page, *pending, form, next, failedFormStatus(refused));
    }
    auto verified = verification.verify(pending->token, pending->session.accountId, code, page.request().clientAddress);
    if (!verified) {
        showRefusal(page.t(), form, verified.error(), "check_email", {"code"}, kCode);
        return renderCheckEmail(page, *pending, form, next, failedFormStatus(verified.error()));
    }
    setSessionCookie(page.request(), page.services(), verified->session);
    page.redirect(withNext(paths::kSetUpSecondFactor, next));
}

void submitResendEmailCode(Page& page) {
    const FormFields posted = page.postedForm();
    const auto next = page.next(&posted);
    auto pending = pendingSignUp(page);
    if (!pending) return sendOnward(page, next);
    FormView form = page.formView(emailCodeFields());
    if (!sessionFormTokenValid(pending->session, posted))
        return renderCheckEmail(page, *pending, form.expired(), next, 400);

    core::EmailVerificationService verification(page.services());
    const Status sent = pending->decoy ? verification.resendDecoy(pending->session)
                                       : verification.resend(pending->session.accountId);
    if (!sent) {
        if (sent.error().kind == ErrorKind::TooManyRequests) {
            page.request().response.set("Retry-After", "60");
            page.data().set("banner", importantBanner(page.t(), page.t()("check_email.throttled")));
            return renderCheckEmail(page, *pending, form, next, 429);
        }
        showRefusal(page.t(), form, sent.error(), "check_email", {"code"}, kCode);
        return renderCheckEmail(page, *pending, form, next, failedFormStatus(sent.error()));
    }
    page.redirect(withNext(std::string(paths::kCheckEmail) + "?sent=1", next));
}

}  // namespace

void registerCreateAccountPages(PortalRouter& pages) {
    pages.get(paths::kCreateAccount, showCreateAccount);
    pages.post(paths::kCreateAccount, submitCreateAccount);
    pages.get(paths::kCheckEmail, showCheckEmail);
    pages.post(paths::kCheckEmail, submitCheckEmail);
    pages.post(paths::kCheckEmailResend, submitResendEmailCode);
}

}  // namespace tessera::web::portal
