#include "DemoService.h"

#include <Poco/JSON/Stringifier.h>

#include <ctime>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>

#include "Encoding.h"
#include "Html.h"
#include "Jws.h"
#include "Pages.h"
#include "Stylesheet.h"

namespace tessera::demo {

namespace {

constexpr std::size_t kMaxShownDescription = 300;

void logLine(const std::string& line) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::clog << "tessera-demo-service: " << line << std::endl;
}

std::string param(const std::map<std::string, std::string>& params, const std::string& name) {
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

std::string utcTime(std::int64_t t) {
    const std::time_t time = static_cast<std::time_t>(t);
    std::tm tm{};
    if (!gmtime_r(&time, &tm)) return "";
    char buffer[32];
    return std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S UTC", &tm) ? buffer : "";
}

// Claims as name/value rows: strings as they are, times with their date, objects as JSON.
std::vector<std::pair<std::string, std::string>> rowsOf(const Poco::JSON::Object& claims) {
    static const std::set<std::string> times{"exp", "iat", "auth_time", "nbf", "updated_at"};
    std::vector<std::pair<std::string, std::string>> rows;
    for (const auto& [name, value] : claims) {
        std::string text;
        if (value.isString()) {
            text = value.convert<std::string>();
        } else if (value.type() == typeid(Poco::JSON::Object::Ptr) || value.type() == typeid(Poco::JSON::Array::Ptr)) {
            std::ostringstream out;
            Poco::JSON::Stringifier::stringify(value, out, 2);
            text = out.str();
        } else if (!value.isEmpty()) {
            text = value.convert<std::string>();
        }
        if (times.count(name)) {
            if (auto t = numericClaim(claims, name)) text += "  (" + utcTime(*t) + ")";
        }
        rows.emplace_back(name, text);
    }
    return rows;
}

std::string displayName(const Poco::JSON::Object& claims) {
    if (auto name = stringClaim(claims, "name"); name && !name->empty()) return *name;
    const std::string given = stringClaim(claims, "given_name").value_or("");
    const std::string family = stringClaim(claims, "family_name").value_or("");
    if (!given.empty() || !family.empty()) return given + (given.empty() || family.empty() ? "" : " ") + family;
    return "";
}

std::string shorten(const std::string& text) {
    return text.size() <= kMaxShownDescription ? text : text.substr(0, kMaxShownDescription) + "…";
}

bool isFormPost(const WebRequest& r) { return r.contentType.rfind("application/x-www-form-urlencoded", 0) == 0; }

}  // namespace

DemoService::DemoService(Options options, std::shared_ptr<OidcClient> oidc, std::shared_ptr<SessionStore> store,
                         Clock clock)
    : options_(std::move(options)), oidc_(std::move(oidc)), store_(std::move(store)), clock_(std::move(clock)) {}

std::string DemoService::sessionCookieName() const {
    return options_.secureCookies() ? "__Host-demo_council_session" : "demo_council_session";
}

std::string DemoService::loginCookieName() const {
    return options_.secureCookies() ? "__Secure-demo_council_login" : "demo_council_login";
}

std::string DemoService::cookie(const std::string& name, const std::string& value, long maxAgeSeconds,
                                const std::string& path) const {
    return name + "=" + value + "; Path=" + path + "; Max-Age=" + std::to_string(maxAgeSeconds) + "; HttpOnly; SameSite=Lax" +
           (options_.secureCookies() ? "; Secure" : "");
}

// Forms may lead to Tessera (sign-in, sign-out redirect there), nothing else leaves the site.
std::string DemoService::contentSecurityPolicy() const {
    std::set<std::string> formTargets{originOf(options_.issuer)};
    if (auto meta = oidc_->cachedMetadata()) {
        formTargets.insert(originOf(meta->authorizationEndpoint));
        if (!meta->endSessionEndpoint.empty()) formTargets.insert(originOf(meta->endSessionEndpoint));
    }
    std::string formAction = "'self'";
    for (const auto& origin : formTargets)
        if (!origin.empty()) formAction += " " + origin;
    return "default-src 'none'; style-src 'self'; img-src 'self'; form-action " + formAction +
           "; frame-ancestors 'none'; base-uri 'none'";
}

WebResponse DemoService::handle(const WebRequest& request) {
    WebResponse response;
    try {
        response = route(request);
    } catch (const std::exception& e) {
        logLine("error on " + request.method + " " + request.path + ": " + e.what());
        response = page(500, "Something went wrong", pages::problem("Something went wrong",
                                                                    "Demo council could not answer. Try again."));
    }
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    // The callback's URL carries the code: it must never leave in a Referer header.
    response.headers.emplace_back("Referrer-Policy", "no-referrer");
    response.headers.emplace_back("X-Frame-Options", "DENY");
    if (response.header("Cache-Control").empty()) response.headers.emplace_back("Cache-Control", "no-store");
    if (response.contentType.rfind("text/html", 0) == 0)
        response.headers.emplace_back("Content-Security-Policy", contentSecurityPolicy());
    return response;
}

WebResponse DemoService::route(const WebRequest& r) {
    const bool get = r.method == "GET" || r.method == "HEAD";
    struct Route {
        const char* path;
        const char* method;
        WebResponse (DemoService::*handler)(const WebRequest&);
    };
    static const Route routes[] = {
        {"/", "GET", &DemoService::home},
        {"/sign-in", "GET", &DemoService::signIn},
        {"/callback", "GET", &DemoService::callback},
        {"/secure", "GET", &DemoService::secure},
        {"/sign-out", "POST", &DemoService::signOut},
        {"/signed-out", "GET", &DemoService::signedOut},
        {"/backchannel-logout", "POST", &DemoService::backchannelLogout},
    };
    if (r.path == "/static/demo.css" && get) {
        WebResponse css;
        css.contentType = "text/css; charset=utf-8";
        css.body = std::string(kStylesheet);
        css.headers.emplace_back("Cache-Control", "public, max-age=3600");
        return css;
    }
    if (r.path == "/healthz" && get) {
        WebResponse ok;
        ok.contentType = "text/plain; charset=utf-8";
        ok.body = "ok\n";
        return ok;
    }
    if (r.path == "/favicon.ico" && get) {
        WebResponse none;
        none.status = 204;
        none.contentType = "text/plain; charset=utf-8";
        return none;
    }
    for (const auto& route : routes) {
        if (r.path != route.path) continue;
        const std::string method = route.method;
        if (method == r.method || (method == "GET" && r.method == "HEAD")) return (this->*route.handler)(r);
        WebResponse wrong = page(405, "Method not allowed", pages::problem("Method not allowed",
                                                                            "This address does not take " + r.method + "."));
        wrong.headers.emplace_back("Allow", method == "GET" ? "GET, HEAD" : method);
        return wrong;
    }
    return page(404, "Page not found", pages::notFound());
}

WebResponse DemoService::page(int status, const std::string& title, const std::string& mainHtml, const std::string& name) {
    WebResponse r;
    r.status = status;
    r.body = renderPage(title, mainHtml, name);
    return r;
}

std::optional<Session> DemoService::currentSession(const WebRequest& request) {
    const std::string key = param(request.cookies, sessionCookieName());
    if (key.empty()) return std::nullopt;
    return store_->findSession(key, clock_());
}

WebResponse DemoService::home(const WebRequest& request) {
    if (auto session = currentSession(request))
        return page(200, "Your account", pages::signedInHome(*session), session->name);
    return page(200, "Demo council", pages::signedOutHome());
}

WebResponse DemoService::signIn(const WebRequest& request) {
    std::string lang = param(request.query, "lang");
    if (lang != "en" && lang != "fr" && lang != "gd") lang.clear();
    return startSignIn(std::nullopt, "/", lang);
}

WebResponse DemoService::secure(const WebRequest& request) {
    auto session = currentSession(request);
    if (session && session->loa && meets(*session->loa, Loa::Loa2))
        return page(200, "Benefits and health records", pages::secure(*session), session->name);
    // Not signed in, or signed in below level 2: ask Tessera for level 2 (it explains how to
    // get there when the citizen cannot).
    return startSignIn(Loa::Loa2, "/secure", "");
}

WebResponse DemoService::providerProblem(const Error& error) {
    logLine("provider problem: " + error.code + ": " + error.message);
    if (error.kind == ErrorKind::Unavailable && error.code == "no_credentials")
        return page(503, "Not set up yet",
                    pages::problem("Demo council is not set up yet", error.message));
    return page(error.kind == ErrorKind::Unavailable ? 503 : 502, "Tessera cannot be reached",
                pages::providerDown(options_.issuer, error.message));
}

WebResponse DemoService::startSignIn(std::optional<Loa> acr, const std::string& returnTo, const std::string& uiLocales) {
    LoginTransaction tx;
    tx.state = randomToken();
    tx.nonce = randomToken();
    tx.codeVerifier = randomToken(32);  // 43 characters, as RFC 7636 §4.1 asks at least
    tx.requiredLoa = acr;
    tx.returnTo = returnTo;
    AuthorizationRequest request{tx.state, tx.nonce, base64UrlEncode(sha256(tx.codeVerifier)), acr, uiLocales};
    auto url = oidc_->authorizationUrl(request);
    if (!url) return providerProblem(url.error());
    const std::string key = store_->beginLogin(std::move(tx), clock_());
    WebResponse r = WebResponse::redirect(*url);
    r.headers.emplace_back("Set-Cookie", cookie(loginCookieName(), key, SessionStore::kLoginSeconds, "/callback"));
    return r;
}

Session DemoService::sessionFrom(const IdToken& idToken, const std::string& accessToken) {
    Session s;
    s.sub = idToken.sub;
    s.sid = idToken.sid;
    s.idToken = idToken.raw;
    s.acr = idToken.acr;
    s.loa = idToken.loa;
    s.idTokenClaims = rowsOf(*idToken.claims);
    s.name = displayName(*idToken.claims);
    s.email = stringClaim(*idToken.claims, "email").value_or("");
    auto info = oidc_->userinfo(accessToken, idToken.sub);
    if (info) {
        s.userinfoClaims = rowsOf(**info);
        if (auto name = displayName(**info); !name.empty()) s.name = name;
        if (auto email = stringClaim(**info, "email")) s.email = *email;
    } else {
        s.userinfoProblem = info.error().message;
        logLine("userinfo: " + info.error().code + ": " + info.error().message);
    }
    if (s.name.empty()) s.name = "citizen " + s.sub.substr(0, 8);
    return s;
}

WebResponse DemoService::callback(const WebRequest& request) {
    const std::string loginKey = param(request.cookies, loginCookieName());
    auto finish = [&](WebResponse r) {
        r.headers.emplace_back("Set-Cookie", cookie(loginCookieName(), "", 0, "/callback"));
        return r;
    };
    if (request.repeatedParameter)
        return finish(page(400, "Sign-in failed", pages::problem("Sign-in failed", "The answer from Tessera repeats a parameter.")));
    std::optional<LoginTransaction> tx;
    if (!loginKey.empty()) tx = store_->takeLogin(loginKey, clock_());
    if (!tx || !constantTimeEquals(param(request.query, "state"), tx->state))
        return finish(page(400, "Sign-in expired",
                           pages::problem("This sign-in has expired",
                                          "Demo council has no sign-in under way in this browser that matches Tessera's "
                                          "answer: it may have taken more than 15 minutes, or have been started in "
                                          "another browser or tab. Start again.")));
    // RFC 9207: an answer that names another issuer is from a different provider (mix-up attack).
    if (request.query.count("iss") && param(request.query, "iss") != oidc_->issuer())
        return finish(page(400, "Sign-in failed",
                           pages::problem("Sign-in failed", "The answer came from another provider than Tessera.")));

    const std::string error = param(request.query, "error");
    if (!error.empty()) {
        const std::string description = shorten(param(request.query, "error_description"));
        logLine("sign-in answered " + error);
        // The citizen's choice and a level they do not hold are answers, not failures: 200 pages.
        if (error == "access_denied") return finish(page(200, "You chose not to share", pages::notShared()));
        if (tx->requiredLoa || error == "unmet_authentication_requirements")
            return finish(page(200, "Level not reached",
                               pages::levelNotReached(tx->requiredLoa.value_or(Loa::Loa2), error, description,
                                                      oidc_->issuer() + "/account")));
        if (error == "login_required" || error == "interaction_required" || error == "consent_required" ||
            error == "account_selection_required")
            return finish(page(400, "Sign-in not finished",
                               pages::problem("Sign-in not finished",
                                              "Tessera needs you to sign in or to agree to share your details "
                                              "before Demo council can let you in.",
                                              error + (description.empty() ? "" : ": " + description))));
        if (error == "temporarily_unavailable" || error == "server_error")
            return finish(page(503, "Tessera is having problems",
                               pages::problem("Tessera is having problems", "Tessera could not sign you in just now. Try again in a few minutes.",
                                              error + (description.empty() ? "" : ": " + description))));
        return finish(page(502, "Sign-in failed",
                           pages::problem("Sign-in failed", "Tessera could not sign you in to Demo council.",
                                          error + (description.empty() ? "" : ": " + description))));
    }

    const std::string code = param(request.query, "code");
    if (code.empty())
        return finish(page(400, "Sign-in failed", pages::problem("Sign-in failed", "Tessera's answer has no code.")));
    auto tokens = oidc_->exchangeCode(code, tx->codeVerifier);
    if (!tokens) {
        if (tokens.error().kind == ErrorKind::Unavailable) return finish(providerProblem(tokens.error()));
        logLine("code exchange refused: " + tokens.error().code);
        return finish(page(502, "Sign-in failed",
                           pages::problem("Sign-in failed", "Tessera did not accept this sign-in. Start again.",
                                          tokens.error().message)));
    }
    auto idToken = oidc_->validateIdToken(tokens->idToken, tx->nonce, tx->requiredLoa, tokens->accessToken);
    if (!idToken) {
        const Error& e = idToken.error();
        logLine("ID token refused: " + e.code);
        if (e.code == "insufficient_acr")
            return finish(page(200, "Level not reached",
                               pages::levelNotReached(*tx->requiredLoa, "", "", oidc_->issuer() + "/account")));
        if (e.kind == ErrorKind::Unavailable) return finish(providerProblem(e));
        return finish(page(502, "Sign-in failed",
                           pages::problem("Sign-in failed",
                                          "The answer from Tessera did not pass Demo council's checks, so you are not "
                                          "signed in.",
                                          e.message)));
    }

    // A new session (and cookie) at every sign-in; the one it replaces ends.
    if (const std::string old = param(request.cookies, sessionCookieName()); !old.empty()) store_->endSession(old);
    const std::string key = store_->createSession(sessionFrom(*idToken, tokens->accessToken), clock_());
    logLine("signed in a citizen at acr " + idToken->acr);
    WebResponse r = WebResponse::redirect(tx->returnTo);
    r.headers.emplace_back("Set-Cookie", cookie(sessionCookieName(), key, SessionStore::kSessionSeconds, "/"));
    return finish(r);
}

WebResponse DemoService::signOut(const WebRequest& request) {
    const std::string key = param(request.cookies, sessionCookieName());
    auto session = currentSession(request);
    if (!session) return WebResponse::redirect("/signed-out");  // already over (e.g. back-channel logout)
    if (!isFormPost(request) || !constantTimeEquals(param(request.form, "csrf"), session->csrfToken))
        return page(400, "Sign-out failed",
                    pages::problem("Sign-out failed", "This sign-out form is out of date. Go back, reload the page and try again."),
                    session->name);
    store_->endSession(key);
    const std::string clear = cookie(sessionCookieName(), "", 0, "/");
    const std::string state = randomToken();
    auto url = oidc_->endSessionUrl(session->idToken, options_.publicUrl + "/signed-out", state);
    if (!url) {
        if (url.error().kind == ErrorKind::NotFound) {
            WebResponse r = WebResponse::redirect("/signed-out");
            r.headers.emplace_back("Set-Cookie", clear);
            return r;
        }
        WebResponse r = page(503, "Signed out of Demo council only",
                             pages::problem("You have signed out of Demo council only",
                                            "Tessera could not be reached to end your Tessera session. Sign out at " +
                                                oidc_->issuer() + " too.",
                                            url.error().message));
        r.headers.emplace_back("Set-Cookie", clear);
        return r;
    }
    store_->beginLogout(state, clock_());
    WebResponse r = WebResponse::redirect(*url);
    r.headers.emplace_back("Set-Cookie", clear);
    return r;
}

WebResponse DemoService::signedOut(const WebRequest& request) {
    const std::string state = param(request.query, "state");
    const bool both = !state.empty() && store_->takeLogout(state, clock_());
    return page(200, "Signed out", pages::signedOut(both));
}

WebResponse DemoService::backchannelLogout(const WebRequest& request) {
    auto answer = [](int status, const std::string& error, const std::string& description) {
        WebResponse r;
        r.status = status;
        r.contentType = "application/json";
        if (!error.empty()) {
            Poco::JSON::Object o;
            o.set("error", error);
            o.set("error_description", description);
            std::ostringstream out;
            o.stringify(out);
            r.body = out.str();
        }
        return r;
    };
    if (!isFormPost(request)) return answer(400, "invalid_request", "The logout token must be posted form-encoded.");
    if (request.repeatedParameter) return answer(400, "invalid_request", "A parameter is repeated.");
    const std::string token = param(request.form, "logout_token");
    if (token.empty()) return answer(400, "invalid_request", "There is no logout_token.");
    auto logout = oidc_->validateLogoutToken(token);
    if (!logout) {
        logLine("logout token refused: " + logout.error().code);
        if (logout.error().kind == ErrorKind::Unavailable)
            return answer(503, "temporarily_unavailable", logout.error().message);
        return answer(400, "invalid_request", logout.error().message);
    }
    const std::int64_t now = clock_();
    if (!store_->rememberLogoutToken(logout->jti, std::max(logout->expiresAt, now) + 600, now))
        return answer(400, "invalid_request", "This logout token was already used (jti).");
    const std::size_t ended = store_->endSessions(logout->sid, logout->sub);
    logLine("back-channel logout ended " + std::to_string(ended) + " session(s)");
    return answer(200, "", "");
}

}  // namespace tessera::demo
