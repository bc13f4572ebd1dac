// "Sign-in and security" (/account/security): how the citizen proves it is them (two-factor
// method, recovery codes, password) and where they are signed in, with a "Sign out" for each
// other device, "Sign out everywhere else" and "Sign out everywhere". Changing the password
// (/account/security/password) ends every other session; new recovery codes
// (/account/security/recovery-codes) are confirmed first and shown once, in the answer to
// the post that made them.
#include <stdexcept>

#include "core/accounts/PasswordChangeService.h"
#include "core/accounts/ProfileService.h"
#include "core/auth/SecondFactorService.h"
#include "core/sessions/SessionService.h"
#include "core/sessions/SignOutElsewhere.h"
#include "web/Authentication.h"
#include "web/portal/PageResponse.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/AccountForms.h"
#include "web/portal/pages/Pages.h"

namespace tessera::web::portal {

namespace {

using namespace accountpages;

const std::string kSection = "security";
const std::string kCurrentPassword = "currentPassword", kNewPassword = "newPassword", kSession = "session";
constexpr std::size_t kMaxPassword = 1024;

core::Caller callerOf(Page& page, const CurrentSession& session) {
    return core::Caller{session.session, session.token, page.request().clientAddress};
}

// --- the overview ---

PageData sessionData(const Translator& t, const core::ListedSession& listed) {
    const core::Session& s = listed.session;
    const std::string device = deviceText(t, s.userAgent);
    const std::string started = whenText(t, s.createdAt);
    PageData item;
    item.set("publicId", s.publicId)
        .set("device", device)
        .set("address", s.clientAddress.empty() ? "" : t("security.sessions.from", {{"address", s.clientAddress}}))
        .set("startedText", t("security.sessions.started_when", {{"when", started}}))
        .set("lastActiveText", t("security.sessions.last_active_when", {{"when", whenText(t, s.lastSeenAt)}}))
        .set("current", listed.current)
        .set("pending", s.stage != core::SessionStage::Authenticated)
        .set("signOutHidden", t("security.sessions.sign_out_hidden", {{"device", device}, {"started", started}}));
    return item;
}

void renderSecurity(Page& page, const CurrentSession& session, const FormView& form, int status) {
    const Translator& t = page.t();
    auto account = core::ProfileService(page.services()).view(session.session.accountId);
    if (!account) throw std::runtime_error("the signed-in account cannot be read: " + account.error().message);

    auto listed = core::SessionService(page.services()).listMine(callerOf(page, session));
    PageData sessions = PageData::list();
    int others = 0;
    // This device first, then the others, newest first (as listed).
    for (const auto& l : listed)
        if (l.current) sessions.push(sessionData(t, l));
    for (const auto& l : listed)
        if (!l.current) {
            sessions.push(sessionData(t, l));
            ++others;
        }

    page.data()
        .set("method", secondFactorText(t, account->secondFactor))
        .set("hasSecondFactor", account->secondFactor != core::SecondFactorMethod::None)
        .set("passwordLink", paths::kSecurityPassword)
        .set("recoveryCodesLink", paths::kSecurityRecoveryCodes)
        .set("sessions", sessions)
        .set("hasOthers", others > 0)
        .set("signOutSessionAction", paths::kSecuritySignOutSession)
        .set("signOutOthersAction", paths::kSecuritySignOutOthers)
        .set("signOutEverywhereAction", paths::kSecuritySignOutEverywhere)
        .set("back", paths::kAccount);
    page.render("security", "security.title", form, status);
}

void showSecurity(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    showSavedBanner(page, kSection);
    renderSecurity(page, *session, page.formView({}), 200);
}

// --- signing out other devices, or everywhere ---

void signOutSession(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    const FormFields posted = page.postedForm();
    FormView form = page.formView({});
    if (!page.csrfValid(posted)) return renderSecurity(page, *session, form.expired(), 400);
    const std::string publicId = posted.value(kSession);
    auto ended = core::SessionService(page.services()).endOne(callerOf(page, *session), publicId);
    if (!ended) {
        showRefusal(page.t(), form, ended.error(), kSection, "");
        return renderSecurity(page, *session, form, failedFormStatus(ended.error()));
    }
    if (publicId == session->session.publicId) {  // this device: signed out
        clearSessionCookie(page.request(), page.services());
        return page.redirect(paths::kSignedOut);
    }
    page.redirect(savedPath(paths::kSecurity, "session_signed_out"));
}

void signOutOthers(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    const FormFields posted = page.postedForm();
    FormView form = page.formView({});
    if (!page.csrfValid(posted)) return renderSecurity(page, *session, form.expired(), 400);
    auto ended = core::SignOutElsewhere(page.services()).endOthers(callerOf(page, *session));
    if (!ended) {
        showRefusal(page.t(), form, ended.error(), kSection, "");
        return renderSecurity(page, *session, form, failedFormStatus(ended.error()));
    }
    page.redirect(savedPath(paths::kSecurity, "signed_out_others"));
}

void signOutEverywhere(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    const FormFields posted = page.postedForm();
    FormView form = page.formView({});
    if (!page.csrfValid(posted)) return renderSecurity(page, *session, form.expired(), 400);
    auto ended = core::SessionService(page.services()).endEverywhere(callerOf(page, *session));
    if (!ended) {
        showRefusal(page.t(), form, ended.error(), kSection, "");
        return renderSecurity(page, *session, form, failedFormStatus(ended.error()));
    }
    clearSessionCookie(page.request(), page.services());
    page.redirect(paths::kSignedOut);
}

// --- changing the password ---

std::vector<FieldSpec> passwordFields() {
    return {textField(kCurrentPassword, "security.password.current", "password", "current-password"),
            textField(kNewPassword, "security.password.new", "password", "new-password", "security.password.new_hint")};
}

void renderPassword(Page& page, const FormView& form, int status) {
    page.data().set("back", paths::kSecurity).set("action", paths::kSecurityPassword);
    page.render("security-password", "security.password.title", form, status);
}

void showPassword(Page& page) {
    if (!page.requireSignedIn()) return;
    renderPassword(page, page.formView(passwordFields()), 200);
}

void submitPassword(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    const FormFields posted = page.postedForm();
    FormView form = page.formView(passwordFields());
    form.keep(posted);  // passwords are never shown again
    if (!page.csrfValid(posted)) return renderPassword(page, form.expired(), 400);
    const std::string current = posted.value(kCurrentPassword), chosen = posted.value(kNewPassword);
    if (current.size() > kMaxPassword) form.fieldError(kCurrentPassword, "security.errors.currentPassword.incorrect");
    if (chosen.size() > kMaxPassword) form.fieldError(kNewPassword, "security.errors.newPassword.too_long");
    if (form.hasErrors()) return renderPassword(page, form, 400);

    auto changed = core::PasswordChangeService(page.services())
                       .change(session->session.accountId, session->session.publicId, current, chosen,
                               page.request().clientAddress);
    if (!changed) {
        showRefusal(page.t(), form, changed.error(), kSection, kCurrentPassword);
        return renderPassword(page, form, failedFormStatus(changed.error()));
    }
    page.redirect(savedPath(paths::kSecurity, "password"));
}

// --- new recovery codes ---

void renderRecoveryCodesConfirm(Page& page, const FormView& form, int status) {
    page.data().set("back", paths::kSecurity).set("action", paths::kSecurityRecoveryCodes);
    page.render("security-recovery-codes", "security.recovery_codes.title", form, status);
}

void showRecoveryCodes(Page& page) {
    if (!page.requireSignedIn()) return;
    renderRecoveryCodesConfirm(page, page.formView({}), 200);
}

void submitRecoveryCodes(Page& page) {
    auto session = page.requireSignedIn();
    if (!session) return;
    const FormFields posted = page.postedForm();
    FormView form = page.formView({});
    if (!page.csrfValid(posted)) return renderRecoveryCodesConfirm(page, form.expired(), 400);
    auto codes = core::SecondFactorService(page.services()).regenerateRecoveryCodes(callerOf(page, *session));
    if (!codes) {
        showRefusal(page.t(), form, codes.error(), kSection, "");
        return renderRecoveryCodesConfirm(page, form, failedFormStatus(codes.error()));
    }
    // Shown once, in this answer (never cached: pages are no-store); reloading asks again.
    PageData list = PageData::list();
    for (const auto& code : *codes) list.push(PageData::text(code));
    page.data().set("codes", list).set("done", paths::kSecurity);
    page.render("security-recovery-codes-new", "security.recovery_codes.new_title");
}

}  // namespace

void registerSecurityPages(PortalRouter& pages) {
    pages.get(paths::kSecurity, showSecurity);
    pages.post(paths::kSecuritySignOutSession, signOutSession);
    pages.post(paths::kSecuritySignOutOthers, signOutOthers);
    pages.post(paths::kSecuritySignOutEverywhere, signOutEverywhere);
    pages.get(paths::kSecurityPassword, showPassword);
    pages.post(paths::kSecurityPassword, submitPassword);
    pages.get(paths::kSecurityRecoveryCodes, showRecoveryCodes);
    pages.post(paths::kSecurityRecoveryCodes, submitRecoveryCodes);
}

}  // namespace tessera::web::portal
