// A forgotten password: the email (/forgotten-password), then the code from the email and a
// new password twice (/reset-password, which the reset email links to with ?email=), then a
// confirmation with the sign-in form (/reset-password/done). Whether the email has an account
// never shows: the request always leads to the same page, the same way, and every refused
// code reads alike.
#include "core/accounts/PasswordResetService.h"
#include "web/portal/PageResponse.h"
#include "web/portal/PortalAuth.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/Pages.h"
#include "web/portal/pages/SignUpForms.h"

namespace tessera::web::portal {

namespace {

using namespace signup;

const std::string kEmail = "email", kCode = "code", kPassword = "password", kConfirm = "confirmPassword";
constexpr std::size_t kMaxEmail = 320;

// --- asking for a code ---

std::vector<FieldSpec> requestFields() { return {emailField("forgotten_password.email")}; }

void renderRequest(Page& page, const FormView& form, int status) {
    page.render("forgotten-password", "forgotten_password.title", form, status);
}

void showForgottenPassword(Page& page) {
    FormView form = page.formView(requestFields());
    if (auto email = page.request().queryParam(kEmail); email && email->size() <= kMaxEmail) form.value(kEmail, *email);
    renderRequest(page, form, 200);
}

void submitForgottenPassword(Page& page) {
    const FormFields posted = page.postedForm();
    FormView form = page.formView(requestFields());
    form.keep(posted);
    if (!page.csrfValid(posted)) return renderRequest(page, form.expired(), 400);
    const std::string email = trimmed(posted.value(kEmail));
    if (email.empty()) {
        form.fieldError(kEmail, "sign_up.errors.email.required");
        return renderRequest(page, form, 400);
    }
    // Refuses only a malformed email; a code goes out only when the address has an account.
    const Status requested = core::PasswordResetService(page.services()).request(email, page.request().clientAddress);
    if (!requested) {
        showRefusal(page.t(), form, requested.error(), "forgotten_password", {"email"}, kEmail);
        return renderRequest(page, form, failedFormStatus(requested.error()));
    }
    page.redirect(std::string(paths::kResetPassword) + "?email=" + formEncode(email) + "&sent=1");
}

// --- the code and the new password ---

std::vector<FieldSpec> resetFields() {
    return {emailField("reset_password.email"), codeField("reset_password.code"),
            newPasswordField(kPassword, "reset_password.password", "create_account.password_hint"),
            newPasswordField(kConfirm, "reset_password.confirm")};
}

void renderReset(Page& page, const FormView& form, const std::string& sentTo, int status) {
    page.data()
        .set("sentTo", sentTo.empty() ? std::string() : page.t()("reset_password.sent", {{"email", sentTo}}))
        .set("formAction", paths::kResetPassword);
    page.render("reset-password", sentTo.empty() ? "reset_password.title" : "reset_password.heading_sent", form, status);
}

void showResetPassword(Page& page) {
    FormView form = page.formView(resetFields());
    std::string email = page.request().queryParam(kEmail).value_or("");
    if (email.size() > kMaxEmail) email.clear();
    form.value(kEmail, email);
    const bool sent = page.request().queryParam("sent") == "1" && !email.empty();
    renderReset(page, form, sent ? email : std::string(), 200);
}

void submitResetPassword(Page& page) {
    const FormFields posted = page.postedForm();
    FormView form = page.formView(resetFields());
    form.keep(posted);
    if (!page.csrfValid(posted)) return renderReset(page, form.expired(), "", 400);

    const std::string email = trimmed(posted.value(kEmail));
    const std::string password = posted.value(kPassword);
    // Checked here, before the core spends the code.
    if (email.empty()) form.fieldError(kEmail, "sign_up.errors.email.required");
    if (trimmed(posted.value(kCode)).empty()) form.fieldError(kCode, "sign_up.errors.code.required");
    if (password.empty()) form.fieldError(kPassword, "sign_up.errors.password.required");
    if (posted.value(kConfirm).empty()) form.fieldError(kConfirm, "reset_password.errors.confirmPassword.required");
    else if (posted.value(kConfirm) != password) form.fieldError(kConfirm, "reset_password.errors.confirmPassword.mismatch");
    if (form.hasErrors()) return renderReset(page, form, "", 400);

    const Status reset = core::PasswordResetService(page.services())
                             .confirm(email, posted.value(kCode), password, page.request().clientAddress);
    if (!reset) {
        showRefusal(page.t(), form, reset.error(), "reset_password", {"email", "code", "password"}, kCode);
        return renderReset(page, form, "", failedFormStatus(reset.error()));
    }
    page.redirect(paths::kPasswordResetDone);
}

// --- done: sign in with the new password ---

void showResetDone(Page& page) {
    FieldSpec email = emailField("sign_in.email");
    FieldSpec password = textField(kPassword, "sign_in.password", "password", "current-password");
    page.data()
        .set("banner", successBanner(page.t(), page.t()("password_reset_done.banner")));
    page.render("password-reset-done", "password_reset_done.title", page.formView({email, password}));
}

}  // namespace

void registerPasswordResetPages(PortalRouter& pages) {
    pages.get(paths::kForgottenPassword, showForgottenPassword);
    pages.post(paths::kForgottenPassword, submitForgottenPassword);
    pages.get(paths::kResetPassword, showResetPassword);
    pages.post(paths::kResetPassword, submitResetPassword);
    pages.get(paths::kPasswordResetDone, showResetDone);
}

}  // namespace tessera::web::portal
