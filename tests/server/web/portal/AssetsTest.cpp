// Static assets: govuk-frontend and our own files with the right types and cache headers,
// the generated brand stylesheet, and nothing outside the asset folders.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>

#include "server/web/portal/PortalClient.h"
#include "support/AuthBuilders.h"
#include "support/TempDir.h"
#include "support/TestServer.h"
#include "web/portal/Assets.h"
#include "web/portal/Branding.h"

using namespace tessera::test;
using namespace tessera::web::portal;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The versioned prefix the layout links to ("/assets/v1a2b3c").
std::string assetPrefix(PortalClient& browser) {
    static const std::regex css(R"re(href="(/assets/v[0-9a-f]+)/app/app\.css")re");
    auto page = browser.get("/");
    std::smatch m;
    REQUIRE(std::regex_search(page.body, m, css));
    return m[1].str();
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

}  // namespace

TEST_CASE("Versioned assets are served with their type and cached for a year", "[portal][assets]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    const std::string prefix = assetPrefix(browser);

    struct Expect {
        std::string path, type;
    };
    for (const auto& e : {Expect{"/govuk/govuk-frontend.min.css", "text/css; charset=utf-8"},
                          Expect{"/govuk/govuk-frontend.min.js", "text/javascript; charset=utf-8"},
                          Expect{"/app/app.css", "text/css; charset=utf-8"},
                          Expect{"/app/app.js", "text/javascript; charset=utf-8"},
                          Expect{"/app/favicon.svg", "image/svg+xml"},
                          Expect{"/brand.css", "text/css; charset=utf-8"}}) {
        INFO(prefix + e.path);
        auto r = browser.get(prefix + e.path);
        CHECK(r.status == 200);
        CHECK(r.header("Content-Type") == e.type);
        CHECK(r.header("Cache-Control") == "public, max-age=31536000, immutable");
        CHECK_FALSE(r.header("ETag").empty());
        CHECK(r.header("X-Content-Type-Options") == "nosniff");
        CHECK_FALSE(r.body.empty());
    }
    CHECK(contains(browser.get(prefix + "/brand.css").body, "--tessera-brand-colour: #14556b;"));
    CHECK(contains(browser.get(prefix + "/app/app.js").body, "initAll"));
}

// The GOV.UK typeface is never served, so the stylesheet must not send browsers after it.
TEST_CASE("govuk-frontend's stylesheet is served without the GOV.UK font faces", "[portal][assets]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    const std::string prefix = assetPrefix(browser);
    auto css = browser.get(prefix + "/govuk/govuk-frontend.min.css");
    REQUIRE(css.status == 200);
    CHECK_FALSE(contains(css.body, "@font-face"));
    CHECK_FALSE(contains(css.body, "/assets/fonts/"));
    CHECK(contains(css.body, ".govuk-button{"));  // the rest of the stylesheet is intact
    CHECK(browser.get("/assets/govuk/assets/fonts/bold-b542beb274-v2.woff2").status == 404);
}

TEST_CASE("Unversioned or outdated asset URLs still answer, with a short cache and an ETag", "[portal][assets]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    for (const std::string path : {"/assets/app/app.css", "/assets/v0123456789ab/app/app.css"}) {
        INFO(path);
        auto r = browser.get(path);
        REQUIRE(r.status == 200);
        CHECK(r.header("Cache-Control") == "public, max-age=600");
        const std::string etag = r.header("ETag");
        REQUIRE_FALSE(etag.empty());
        auto again = browser.get(path, {{"If-None-Match", etag}});
        CHECK(again.status == 304);
        CHECK(again.body.empty());
        CHECK(browser.get(path, {{"If-None-Match", "\"other\""}}).status == 200);
    }
}

TEST_CASE("Asset paths cannot leave their folders, and GOV.UK's font and crown are not served", "[portal][assets]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    const std::string prefix = assetPrefix(browser);
    for (const std::string& path : std::vector<std::string>{
             "/assets/app/../../config/tessera.properties", "/assets/app/%2e%2e/%2e%2e/config/tessera.properties",
          "/assets/govuk/../../../package.json", "/assets/app/..%2f..%2fconfig%2ftessera.properties",
          "/assets/app/%2fetc%2fpasswd", "/assets/app//etc/passwd", "/assets/app/.hidden.css",
          "/assets/app/app.css%00.png", "/assets/app/..%5c..%5cconfig", "/assets/govuk/index.scss",
          "/assets/govuk/template.njk", "/assets/govuk/assets/fonts/bold-b542beb274-v2.woff2",
          "/assets/govuk/assets/images/govuk-crest.svg", "/assets/govuk/assets/images/favicon.ico",
          "/assets/nothing/app.css", "/assets/app/missing.css", "/assets/" + std::string(300, 'a') + ".css",
          prefix + "/app/../app/app.css"}) {
        INFO(path);
        auto r = browser.get(path);
        CHECK((r.status == 404 || r.status == 400));
        CHECK_FALSE(contains(r.body, "http.port"));
    }
}

TEST_CASE("Symbolic links out of the asset folder are refused", "[portal][assets]") {
    TempDir dir;
    const fs::path own = fs::path(dir.path()) / "own";
    write(own / "ok.css", "body{}");
    write(fs::path(dir.path()) / "secret.css", "secret");
    fs::create_symlink(fs::path(dir.path()) / "secret.css", own / "link.css");
    Assets assets((fs::path(dir.path()) / "no-govuk").string(), own.string(), "/* brand */");
    CHECK_FALSE(assets.govukAvailable());
    bool immutable = true;
    REQUIRE(assets.find("/assets/app/ok.css", immutable).has_value());
    CHECK_FALSE(immutable);
    CHECK_FALSE(assets.find("/assets/app/link.css", immutable).has_value());
    CHECK_FALSE(assets.find("/assets/govuk/govuk-frontend.min.css", immutable).has_value());
    auto brand = assets.find(assets.prefix() + "/brand.css", immutable);
    REQUIRE(brand.has_value());
    CHECK(immutable);
    CHECK(brand->body == "/* brand */");
}

TEST_CASE("Brand colours: the text on the brand colour is whichever contrasts more", "[portal][brand]") {
    CHECK(contrastingTextColour("#14556b") == "#ffffff");
    CHECK(contrastingTextColour("#ffdd00") == "#0b0c0c");
    CHECK(contrastRatio("#ffffff", "#000000") == Approx(21.0));
    CHECK(contrastRatio("#14556b", "#ffffff") >= 4.5);

    tessera::infra::Settings s;
    s.organisationName = "Comhairle";
    s.organisationColour = "#FFDD00";
    s.organisationLogoUrl = "https://cdn.example.gov/brand/logo.svg";
    const Branding b = Branding::from(s);
    CHECK(b.colour == "#ffdd00");
    CHECK(b.textColour == "#0b0c0c");
    CHECK(b.logoImageSource() == "https://cdn.example.gov");
    s.organisationLogoUrl = "/brand/logo.svg";
    CHECK(Branding::from(s).logoImageSource().empty());
}

TEST_CASE("Branding comes from the configuration and an outside logo is allowed by the page CSP", "[portal][brand]") {
    TestServer server("sqlite", [](tessera::infra::Settings& s) {
        useCheapPasswordHashing(s);
        s.organisationName = "Comhairle nan Eilean";
        s.organisationColour = "#5a2d82";
        s.organisationLogoUrl = "https://cdn.example.gov/logo.svg";
        s.webPhase = "beta";
    });
    PortalClient browser(server.port());
    auto page = browser.get("/");
    CHECK(contains(page.body, "Comhairle nan Eilean"));
    CHECK(contains(page.body, "<img src=\"https://cdn.example.gov/logo.svg\" alt=\"\""));
    CHECK(contains(page.body, "govuk-phase-banner"));
    CHECK(contains(page.header("Content-Security-Policy"), "img-src 'self' data: https://cdn.example.gov;"));
    CHECK(contains(browser.get(assetPrefix(browser) + "/brand.css").body, "#5a2d82"));
}

TEST_CASE("Brand settings are validated", "[portal][brand]") {
    auto settingsWith = [](const std::string& key, const std::string& value) {
        Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
        config->setString(key, value);
        return tessera::infra::Settings::from(*config);
    };
    CHECK(settingsWith("organisation.colour", "#1A2b3C").ok());
    for (const std::string bad : {"red", "#12345", "#1234567", "#12345g", "1d70b8", "#1d70b8;x"})
        CHECK_FALSE(settingsWith("organisation.colour", bad).ok());
    CHECK(settingsWith("organisation.logo_url", "/brand/logo.svg").ok());
    CHECK(settingsWith("organisation.logo_url", "https://cdn.example.gov/logo.svg").ok());
    for (const std::string bad : {"//evil.example/x.svg", "http://cdn.example.gov/logo.svg", "javascript:alert(1)",
                                  "/logo.svg\" onerror=\"x", "https://a.example/x.svg; script-src *", "logo.svg"})
        CHECK_FALSE(settingsWith("organisation.logo_url", bad).ok());
    CHECK(settingsWith("web.phase", "beta").ok());
    CHECK_FALSE(settingsWith("web.phase", "gamma").ok());
}
