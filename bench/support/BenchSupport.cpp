#include "BenchSupport.h"

#include <Poco/AutoPtr.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>
#include <Poco/Util/MapConfiguration.h>

#include <sys/resource.h>
#include <time.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "core/auth/TotpSecrets.h"
#include "core/terms/TermsService.h"
#include "infra/Random.h"
#include "infra/Settings.h"
#include "infra/Totp.h"

namespace tessera::bench {

BenchServer::BenchServer() {
    dir_ = std::filesystem::temp_directory_path() / ("tessera-bench-" + infra::random::id());
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    infra::applyEnvironmentOverrides(*config);
    auto base = infra::Settings::from(*config);  // defaults, as an operator would get them
    if (!base) {
        std::cerr << base.error().message << "\n";
        std::exit(1);
    }
    infra::Settings s = *base;
    s.httpHost = "127.0.0.1";
    s.httpPort = 0;
    s.publicUrl = "http://127.0.0.1";  // the issuer; ports are not part of what is measured
    s.dataDir = dir_;
    s.databaseUrl = "sqlite://" + dir_ + "/bench.db";
    s.cookieSecure = false;
    s.logLevel = "warning";
    s.throttleFreeFailures = 1000;  // nothing fails here; keep the throttle out of the way anyway
    auto app = web::Application::create(s);
    if (!app) {
        std::cerr << "cannot start: " << app.error().message << "\n";
        std::exit(1);
    }
    app_ = std::move(*app);
    app_->start();
}

BenchServer::~BenchServer() {
    app_->stop(5);
    app_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

std::vector<BenchAccount> seedAccounts(web::Services& ctx, int count) {
    std::vector<BenchAccount> out;
    core::TermsService terms(ctx);
    std::vector<std::string> termsIds;
    auto current = terms.current("en");
    if (!current) {
        std::cerr << "no terms: " << current.error().message << "\n";
        std::exit(1);
    }
    for (const auto& d : *current) termsIds.push_back(d.id);
    const std::string hash = ctx.passwords.hash(kPassword);
    auto r = ctx.db.transaction<int>([&](Poco::Data::Session& s) -> Result<int> {
        for (int i = 0; i < count; ++i) {
            core::Account a;
            a.id = infra::random::id();
            a.email = "bench" + std::to_string(i) + "@bench.example.org";
            a.emailVerified = true;
            a.name = "Bench Citizen";
            a.passwordHash = hash;
            a.status = core::AccountStatus::Active;
            a.secondFactor = core::SecondFactorMethod::Totp;
            a.createdAt = a.updatedAt = ctx.clock.now();
            std::string secret = infra::totp::generateSecret();
            a.totpSecret = core::sealTotpSecret(ctx.dataKey, a.id, secret);
            if (auto ok = ctx.accounts.insert(s, a); !ok) return ok.error();
            if (auto ok = terms.accept(s, a.id, termsIds, ctx.clock.now()); !ok) return ok.error();
            out.push_back({a.email, secret});
        }
        return count;
    });
    if (!r) {
        std::cerr << "seeding failed: " << r.error().message << "\n";
        std::exit(1);
    }
    return out;
}

Answer call(int port, const HttpCall& c) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    Poco::Net::HTTPRequest req(c.method, c.path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!c.contentType.empty()) {
        req.setContentType(c.contentType);
        req.setContentLength(static_cast<std::streamsize>(c.body.size()));
    }
    if (!c.cookie.empty()) {
        Poco::Net::NameValueCollection cookies;
        auto eq = c.cookie.find('=');
        cookies.add(c.cookie.substr(0, eq), c.cookie.substr(eq + 1));
        req.setCookies(cookies);
    }
    for (const auto& [k, v] : c.headers) req.set(k, v);
    session.sendRequest(req) << c.body;
    Poco::Net::HTTPResponse resp;
    std::istream& in = session.receiveResponse(resp);
    Answer a;
    a.status = int(resp.getStatus());
    a.location = resp.get("Location", "");
    Poco::StreamCopier::copyToString(in, a.body);
    std::vector<Poco::Net::HTTPCookie> cookies;
    resp.getCookies(cookies);
    for (const auto& k : cookies) a.cookies.push_back(k.getName() + "=" + k.getValue());
    return a;
}

std::string signIn(int port, const BenchAccount& a) {
    auto first = call(port, {"POST", "/api/v1/sessions", "application/json",
                             R"({"email":")" + a.email + R"(","password":")" + kPassword + R"("})", "", {}});
    if (first.status != 200 || first.cookies.empty()) return "";
    Poco::JSON::Parser p;
    auto o = p.parse(first.body).extract<Poco::JSON::Object::Ptr>();
    const std::string csrf = o->getObject("session")->getValue<std::string>("csrfToken");
    const std::string code = infra::totp::code(a.secret, std::time(nullptr));
    auto second = call(port, {"POST", "/api/v1/sessions/second-factor", "application/json",
                              R"({"code":")" + code + R"("})", first.cookies.front(), {{"X-CSRF-Token", csrf}}});
    if (second.status != 200) return "";
    return second.cookies.empty() ? first.cookies.front() : second.cookies.front();
}

double threadCpuMillis() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

double processCpuMillis() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
    return ms(u.ru_utime) + ms(u.ru_stime);
}

int argOr(int argc, char** argv, const std::string& name, int fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == name) return std::atoi(argv[i + 1]);
    return fallback;
}

}  // namespace tessera::bench
