// Signing out: /sign-out asks to confirm (the header's sign-out button posts straight to
// it), the post ends the session, and /signed-out says so. Any stage of sign-in may sign out.
#include "core/sessions/SessionService.h"
#include "web/Authentication.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/Pages.h"

namespace tessera::web::portal {

namespace {

using core::SessionStage;

const std::initializer_list<SessionStage> kAnyStage{SessionStage::PendingEmail, SessionStage::PendingSecondFactorSetup,
                                                    SessionStage::PendingSecondFactor, SessionStage::Authenticated};

void showSignOut(Page& page) {
    if (!page.requireStage(kAnyStage, paths::kSignedOut)) return;
    page.render("sign-out", "sign_out.title", page.formView({}));
}

void submitSignOut(Page& page) {
    auto session = page.requireStage(kAnyStage, paths::kSignedOut);
    if (!session) return;  // already signed out: nothing to do
    if (!page.csrfValid(page.postedForm())) return page.render("sign-out", "sign_out.title", page.formView({}).expired(), 400);
    auto ended = core::SessionService(page.services()).signOut({session->session, session->token, page.request().clientAddress});
    if (!ended) throw std::runtime_error("sign-out failed: " + ended.error().message);
    clearSessionCookie(page.request(), page.services());
    page.redirect(paths::kSignedOut);
}

void showSignedOut(Page& page) {
    if (page.visitor()) return page.redirect(paths::kSignOut);  // still signed in: offer to sign out
    page.render("signed-out", "signed_out.title");
}

}  // namespace

void registerSignOutPages(PortalRouter& pages) {
    pages.get(paths::kSignOut, showSignOut);
    pages.post(paths::kSignOut, submitSignOut);
    pages.get(paths::kSignedOut, showSignedOut);
}

}  // namespace tessera::web::portal
