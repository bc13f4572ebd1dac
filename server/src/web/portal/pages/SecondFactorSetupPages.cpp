// Two-factor set-up at the end of sign-up (or of a sign-in whose account never finished it):
// choose how to get codes (/set-up-two-factor), then either an authenticator app (the QR code
// and the key, then a code from the app: /set-up-two-factor/app) or codes by email (a code
// sent to the account's address: /set-up-two-factor/email); then the ten recovery codes,
// shown once (/set-up-two-factor/recovery-codes). Each step keeps "next".
//
// Two values travel from a post to the page after its redirect, sealed in short-lived cookies
// bound to the session (SealedCookie.h), never kept in server memory:
//  - the app's secret and otpauth URI, so the app page shows the same QR code on a reload
//    or after a wrong code (the core keeps the secret sealed in the account until confirmed,
//    and reveals it only when set-up starts);
//  - the recovery codes, which the core returns once, in clear, when set-up finishes: the
//    recovery-codes page opens the cookie, shows them and clears it, so a reload says they
//    were shown already.
#include <Poco/Base64Encoder.h>

#include <sstream>

#include "core/accounts/ProfileService.h"
#include "core/auth/SecondFactorService.h"
#include "infra/QrSvg.h"
#include "web/Authentication.h"
#include "web/portal/PageResponse.h"
#include "web/portal/PortalAuth.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/SealedCookie.h"
#include "web/portal/pages/Pages.h"
#include "web/portal/pages/SignUpForms.h"

namespace tessera::web::portal {

namespace {

using core::SessionStage;
using namespace signup;

const std::string kMethod = "method", kCode = "code", kApp = "app", kEmail = "email";
constexpr std::int64_t kRecoveryCodesSeconds = 10 * 60;  // time to reach the page after the redirect
constexpr std::size_t kMaxCode = 64;

SealedCookie appCookie(const Services& services) {
    return {"tessera_totp_setup", paths::kSetUpApp, services.settings.pendingSessionSeconds};
}

SealedCookie recoveryCodesCookie() { return {"tessera_recovery_codes", paths::kRecoveryCodes, kRecoveryCodesSeconds}; }

// The session at the set-up step, or nullopt after sending the visitor where they belong.
std::optional<CurrentSession> settingUp(Page& page, const std::optional<std::string>& next) {
    return page.requireStage({SessionStage::PendingSecondFactorSetup}, whereTheyBelong(page.visitor(), next));
}

core::Caller callerOf(Page& page, const CurrentSession& session) {
    return {session.session, session.token, page.request().clientAddress};
}

std::string base64(const std::string& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

// "JBSW Y3DP EHPK 3PXP": easier to read and type.
std::string groupedInFours(const std::string& key) {
    std::string out;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (i > 0 && i % 4 == 0) out.push_back(' ');
        out.push_back(key[i]);
    }
    return out;
}

std::vector<FieldSpec> codeFields(const std::string& labelKey) { return {codeField(labelKey)}; }

// The code, or a "required" error on the form.
std::optional<std::string> postedCode(FormView& form, const FormFields& posted, const std::string& requiredKey) {
    const std::string code = trimmed(posted.value(kCode));
    if (code.empty()) {
        form.fieldError(kCode, requiredKey);
        return std::nullopt;
    }
    if (code.size() > kMaxCode) {
        form.fieldError(kCode, "sign_up.errors.code.invalid_format");
        return std::nullopt;
    }
    return code;
}

// Set-up finished: the signed-in cookie, the recovery codes sealed for the recovery-codes
// page, and on to it.
void finishSetUp(Page& page, const CurrentSession& session, const core::SecondFactorEnrolled& enrolled,
                 const std::optional<std::string>& next) {
    std::string boundTo = session.session.publicId;
    if (enrolled.signedIn) {
        setSessionCookie(page.request(), page.services(), *enrolled.signedIn);
        boundTo = enrolled.signedIn->session.publicId;
    }
    std::string codes;
    for (const auto& code : enrolled.recoveryCodes) codes += (codes.empty() ? "" : "\n") + code;
    clearSealedCookie(page.request(), page.services(), appCookie(page.services()));
    setSealedCookie(page.request(), page.services(), recoveryCodesCookie(), boundTo, codes);
    page.redirect(withNext(paths::kRecoveryCodes, next));
}

// --- choosing ---

void renderChoice(Page& page, const FormView& form, const std::string& chosen, const std::optional<std::string>& next,
                  int status) {
    const Translator& t = page.t();
    PageData choice;
    choice.set("isPageHeading", true)
        .append("options", radioOption(kMethod, true, kApp, t("set_up_2fa.app"), t("set_up_2fa.app_hint"), chosen == kApp))
        .append("options",
                radioOption(kMethod, false, kEmail, t("set_up_2fa.email"), t("set_up_2fa.email_hint"), chosen == kEmail));
    page.data().set("next", next.value_or("")).set("formAction", paths::kSetUpSecondFactor).set("methodChoice", choice);
    page.render("set-up-two-factor", "set_up_2fa.title", form, status);
}

std::vector<FieldSpec> choiceFields() { return {choiceField(kMethod, "set_up_2fa.heading", "radio", "set_up_2fa.hint")}; }

void showChoice(Page& page) {
    const auto next = page.next();
    if (!settingUp(page, next)) return;
    renderChoice(page, page.formView(choiceFields()), "", next, 200);
}

void submitChoice(Page& page) {
    const FormFields posted = page.postedForm();
    const auto next = page.next(&posted);
    auto session = settingUp(page, next);
    if (!session) return;
    FormView form = page.formView(choiceFields());
    const std::string method = posted.value(kMethod);
    if (!page.csrfValid(posted)) return renderChoice(page, form.expired(), method, next, 400);

    core::SecondFactorService twoFactor(page.services());
    if (method == kApp) {
        auto started = twoFactor.startTotp(callerOf(page, *session));
        if (!started) {
            showRefusal(page.t(), form, started.error(), "set_up_2fa", {}, kMethod);
            return renderChoice(page, form, method, next, failedFormStatus(started.error()));
        }
        setSealedCookie(page.request(), page.services(), appCookie(page.services()), session->session.publicId,
                        started->secret + "\n" + started->otpauthUri);
        return page.redirect(withNext(paths::kSetUpApp, next));
    }
    if (method == kEmail) {
        // Sent too recently (the citizen came back and chose again): that code still works.
        const Status sent = twoFactor.startEmail(callerOf(page, *session));
        if (!sent && sent.error().kind != ErrorKind::TooManyRequests) {
            showRefusal(page.t(), form, sent.error(), "set_up_2fa", {}, kMethod);
            return renderChoice(page, form, method, next, failedFormStatus(sent.error()));
        }
        return page.redirect(withNext(paths::kSetUpEmail, next));
    }
    form.fieldError(kMethod, "set_up_2fa.errors.method.required");
    renderChoice(page, form, "", next, 400);
}

// --- an authenticator app ---

// The enrolment the app page shows: the one sealed in its cookie, else a new one (which
// replaces any secret the citizen may have scanned from an older page).
core::TotpEnrolment appEnrolment(Page& page, const CurrentSession& session) {
    const SealedCookie cookie = appCookie(page.services());
    if (auto sealed = openSealedCookie(page.request(), page.services(), cookie, session.session.publicId)) {
        const auto split = sealed->find('\n');
        if (split != std::string::npos) {
            core::TotpEnrolment kept;
            kept.secret = sealed->substr(0, split);
            kept.otpauthUri = sealed->substr(split + 1);
            if (auto qr = infra::qrSvg(kept.otpauthUri, page.t()("set_up_app.qr_alt"))) {
                kept.qrSvg = std::move(*qr);
                return kept;
            }
        }
    }
    auto started = core::SecondFactorService(page.services()).startTotp(callerOf(page, session));
    if (!started) throw std::runtime_error("two-factor set-up cannot start: " + started.error().message);
    setSealedCookie(page.request(), page.services(), cookie, session.session.publicId,
                    started->secret + "\n" + started->otpauthUri);
    return std::move(*started);
}

void renderApp(Page& page, const CurrentSession& session, const FormView& form, const std::optional<std::string>& next,
               int status) {
    const core::TotpEnrolment enrolment = appEnrolment(page, session);
    page.data()
        .set("next", next.value_or(""))
        .set("formAction", paths::kSetUpApp)
        .set("qrCode", "data:image/svg+xml;base64," + base64(enrolment.qrSvg))
        .set("qrAlt", page.t()("set_up_app.qr_alt"))
        .set("key", groupedInFours(enrolment.secret))
        .set("otherWay", withNext(paths::kSetUpSecondFactor, next));
    page.render("set-up-two-factor-app", "set_up_app.title", form, status);
}

void showApp(Page& page) {
    const auto next = page.next();
    auto session = settingUp(page, next);
    if (!session) return;
    renderApp(page, *session, page.formView(codeFields("set_up_app.code")), next, 200);
}

void submitApp(Page& page) {
    const FormFields posted = page.postedForm();
    const auto next = page.next(&posted);
    auto session = settingUp(page, next);
    if (!session) return;
    FormView form = page.formView(codeFields("set_up_app.code"));
    form.keep(posted);
    if (!page.csrfValid(posted)) return renderApp(page, *session, form.expired(), next, 400);
    const auto code = postedCode(form, posted, "set_up_app.errors.code.required");
    if (!code) return renderApp(page, *session, form, next, 400);

    auto enrolled = core::SecondFactorService(page.services()).confirmTotp(callerOf(page, *session), *code);
    if (!enrolled) {
        showRefusal(page.t(), form, enrolled.error(), "set_up_app", {"code"}, kCode);
        return renderApp(page, *session, form, next, failedFormStatus(enrolled.error()));
    }
    finishSetUp(page, *session, *enrolled, next);
}

// --- codes by email ---

void renderEmail(Page& page, const CurrentSession& session, const FormView& form,
                 const std::optional<std::string>& next, int status) {
    auto account = core::ProfileService(page.services()).view(session.session.accountId);
    if (!account) throw std::runtime_error("the account setting up two-factor sign-in cannot be read");
    page.data()
        .set("next", next.value_or(""))
        .set("formAction", paths::kSetUpEmail)
        .set("sentTo", page.t()("set_up_email.sent_to", {{"email", account->email}}))
        .set("resendAction", withNext(paths::kSetUpEmailResend, next))
        .set("otherWay", withNext(paths::kSetUpSecondFactor, next));
    page.render("set-up-two-factor-email", "set_up_email.title", form, status);
}

void showEmail(Page& page) {
    const auto next = page.next();
    auto session = settingUp(page, next);
    if (!session) return;
    if (page.request().queryParam("sent") == "1")
        page.data().set("banner", successBanner(page.t(), page.t()("check_email.new_code_sent")));
    renderEmail(page, *session, page.formView(codeFields("set_up_email.code")), next, 200);
}

void submitEmail(Page& page) {
    const FormFields posted = page.postedForm();
    const auto next = page.next(&posted);
    auto session = settingUp(page, next);
    if (!session) return;
    FormView form = page.formView(codeFields("set_up_email.code"));
    form.keep(posted);
    if (!page.csrfValid(posted)) return renderEmail(page, *session, form.expired(), next, 400);

    auto enrolled = core::SecondFactorService(page.services()).confirmEmail(callerOf(page, *session), posted.value(kCode));
    if (!enrolled) {
        showRefusal(page.t(), form, enrolled.error(), "check_email", {"code"}, kCode);
        return renderEmail(page, *session, form, next, failedFormStatus(enrolled.error()));
    }
    finishSetUp(page, *session, *enrolled, next);
}

void submitEmailResend(Page& page) {
    const FormFields posted = page.postedForm();
    const auto next = page.next(&posted);
    auto session = settingUp(page, next);
    if (!session) return;
    FormView form = page.formView(codeFields("set_up_email.code"));
    if (!page.csrfValid(posted)) return renderEmail(page, *session, form.expired(), next, 400);

    const Status sent = core::SecondFactorService(page.services()).startEmail(callerOf(page, *session));
    if (!sent) {
        if (sent.error().kind == ErrorKind::TooManyRequests) {
            page.request().response.set("Retry-After", "60");
            page.data().set("banner", importantBanner(page.t(), page.t()("check_email.throttled")));
            return renderEmail(page, *session, form, next, 429);
        }
        showRefusal(page.t(), form, sent.error(), "check_email", {"code"}, kCode);
        return renderEmail(page, *session, form, next, failedFormStatus(sent.error()));
    }
    page.redirect(withNext(std::string(paths::kSetUpEmail) + "?sent=1", next));
}

// --- the recovery codes, once ---

void showRecoveryCodes(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    const std::string onward = returnPathOr(page.next(), paths::kAccount);
    page.data().set("continueHref", onward);
    const SealedCookie cookie = recoveryCodesCookie();
    auto sealed = openSealedCookie(page.request(), page.services(), cookie, session->session.publicId);
    if (!sealed) {
        page.data().set("securityLink", page.hasPage(paths::kSecurity) ? paths::kSecurity : "");
        return page.render("recovery-codes-shown", "recovery_codes.shown.title");
    }
    clearSealedCookie(page.request(), page.services(), cookie);
    PageData codes = PageData::list();
    std::istringstream lines(*sealed);
    for (std::string code; std::getline(lines, code);)
        if (!code.empty()) codes.push(PageData::text(code));
    page.data().set("codes", codes);
    page.render("recovery-codes", "recovery_codes.title");
}

}  // namespace

void registerSecondFactorSetupPages(PortalRouter& pages) {
    pages.get(paths::kSetUpSecondFactor, showChoice);
    pages.post(paths::kSetUpSecondFactor, submitChoice);
    pages.get(paths::kSetUpApp, showApp);
    pages.post(paths::kSetUpApp, submitApp);
    pages.get(paths::kSetUpEmail, showEmail);
    pages.post(paths::kSetUpEmail, submitEmail);
    pages.post(paths::kSetUpEmailResend, submitEmailResend);
    pages.get(paths::kRecoveryCodes, showRecoveryCodes);
}

}  // namespace tessera::web::portal
