#pragma once
// One page being answered: what a page handler works with. It knows the page's language
// (and its messages), who is asking, the CSRF token the page's forms carry, and renders a
// template from resources/web/templates/pages/ inside the layout.
//
//   void showThing(Page& page) {
//       auto session = page.requireSignedIn();        // or redirected to sign in
//       if (!session) return;
//       page.data().set("name", ...);                  // what the template reads
//       page.render("thing", "thing.title");           // pages/thing.mustache, <title>
//   }
//
// Every template sees, beside the page's own data: t (the messages of the page's language,
// {{t.thing.title}}), lang, title, org {name, logoUrl, colour, phase}, assets (the versioned
// asset prefix), paths {start, signIn, account, ...}, languages [{code, name, href, current}],
// signedIn, signOutCsrf, phaseTag; and when a form is rendered, form (FormView::data) and
// csrf (the token its hidden field carries; partials/csrf).
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/sessions/Session.h"
#include "web/Authentication.h"
#include "web/Request.h"
#include "web/portal/Form.h"
#include "web/portal/FormView.h"
#include "web/portal/Messages.h"
#include "web/portal/PageData.h"
#include "web/portal/Portal.h"

namespace tessera::web::portal {

class Page {
public:
    Page(const Portal& portal, Request& r);

    Request& request() { return r_; }
    Services& services() const { return portal_.services(); }
    const Portal& portal() const { return portal_; }
    const std::string& language() const { return t_.language(); }
    // The page's messages: page.t()("sign_in.title"), page.t()("x", {{"name", v}}).
    const Translator& t() const { return t_; }

    // The live session the cookie names, at any stage, as the page opened; nullopt if none.
    const std::optional<CurrentSession>& visitor() const { return visitor_; }

    // A page for signed-in citizens: the session, or nullopt after redirecting to sign in (or
    // to the terms page). Its CSRF token then protects the page's forms.
    std::optional<CurrentSession> requireSignedIn(bool allowTermsPending = false);
    // A page of one sign-in/sign-up step: the session at one of `stages`, or nullopt after a
    // redirect to `otherwise`. Its CSRF token then protects the page's forms.
    std::optional<CurrentSession> requireStage(std::initializer_list<core::SessionStage> stages,
                                               const std::string& otherwise);

    // The posted form (empty unless the body is application/x-www-form-urlencoded).
    FormFields postedForm() const { return FormFields::fromRequest(r_); }
    // The token this page's forms carry: the required session's, else the anonymous
    // double-submit token (setting its cookie if the browser has none).
    const std::string& csrfToken();
    // Whether the posted "csrf" field matches: the required session's token, else the
    // anonymous form cookie. Check it before acting on any post.
    bool csrfValid(const FormFields& posted);

    // A form view whose labels and errors are in the page's language.
    FormView formView(std::vector<FieldSpec> fields) const { return FormView(t_, std::move(fields)); }

    // Where to go after this step: a safe "next" from the posted form or the query, if any.
    std::optional<std::string> next(const FormFields* posted = nullptr) const;

    // The page's own data, read by its template beside the layout's.
    PageData& data() { return data_; }
    // Renders pages/<name>.mustache inside the layout; the <title> is t(titleKey) and the
    // organisation's name ("Error: " first when the form has errors).
    void render(const std::string& name, const std::string& titleKey, int status = 200);
    void render(const std::string& name, const std::string& titleKey, const FormView& form, int status = 200);
    // Adds CSP directives for this page only, before rendering it (the video recorder's
    // "connect-src 'self'; media-src blob:"): every other page keeps the strict policy.
    void extendContentSecurityPolicy(const std::string& directives) { cspExtra_ += "; " + directives; }
    // A whole-page error (404, 500, ...) in the page's language.
    void renderError(int status);
    // 303 See Other to a path on this site.
    void redirect(const std::string& location);
    // Whether a page exists at `path`, for links to pages other engineers may not have built.
    bool hasPage(const std::string& path) const { return portal_.hasPage(path); }

private:
    PageData layoutData(const std::string& titleKey, bool hasErrors);
    void send(const std::string& name, PageData root, int status);

    const Portal& portal_;
    Request& r_;
    std::optional<CurrentSession> visitor_;
    std::optional<CurrentSession> required_;  // the session the page required, whose token forms carry
    Translator t_;
    std::optional<std::string> csrf_;
    PageData data_;
    std::string cspExtra_;
};

}  // namespace tessera::web::portal
