// The demo service's settings: defaults that match scripts/run, variables, options that win
// over variables, and clear messages for bad values.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "Options.h"

using namespace tessera;
using namespace tessera::demo;

namespace {

Result<Options> parse(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
    return parseOptions(args, [env](const std::string& name) {
        auto it = env.find(name);
        return it == env.end() ? std::string() : it->second;
    });
}

const char* kCredentials = R"({"url":"http://localhost:8080","accounts":[],
  "services":[{"name":"Other","clientId":"x","clientSecret":"y"},
              {"name":"Demo council","clientId":"dc-id","clientSecret":"dc-secret","redirectUris":["http://127.0.0.1/callback"]}]})";

}  // namespace

TEST_CASE("Defaults: Tessera on localhost:8080, the service on 127.0.0.1:8081", "[examples][options]") {
    auto o = parse({});
    REQUIRE(o);
    CHECK(o->issuer == "http://localhost:8080");
    CHECK(o->port == 8081);
    CHECK(o->host == "127.0.0.1");
    CHECK(o->publicUrl == "http://127.0.0.1:8081");
    CHECK(o->redirectUri() == "http://127.0.0.1:8081/callback");
    CHECK(o->credentialsFile == "var/demo-credentials.json");
    CHECK_FALSE(o->secureCookies());
}

TEST_CASE("Variables set what options do not, and options win", "[examples][options]") {
    auto o = parse({"--port", "9100", "--issuer=http://127.0.0.1:9000/"},
                   {{"TESSERA_DEMO_SERVICE_PORT", "9200"}, {"TESSERA_DEMO_SERVICE_ISSUER", "http://other:1"},
                    {"TESSERA_DEMO_SERVICE_CREDENTIALS", "/tmp/creds.json"}});
    REQUIRE(o);
    CHECK(o->port == 9100);
    CHECK(o->issuer == "http://127.0.0.1:9000");  // the trailing slash is not part of the issuer
    CHECK(o->publicUrl == "http://127.0.0.1:9100");
    CHECK(o->credentialsFile == "/tmp/creds.json");

    // The public URL alone also says where to listen.
    auto p = parse({}, {{"TESSERA_DEMO_SERVICE_URL", "http://localhost:9300"}});
    REQUIRE(p);
    CHECK(p->port == 9300);
    CHECK(p->publicUrl == "http://localhost:9300");
    auto https = parse({"--public-url", "https://council.example", "--port", "8443"});
    REQUIRE(https);
    CHECK(https->secureCookies());
    CHECK(parse({"--help"})->help);
}

TEST_CASE("Bad settings are refused with a message that names the option", "[examples][options]") {
    auto message = [](Result<Options> r) { return r ? std::string("accepted") : r.error().message; };
    CHECK(message(parse({"--port", "0"})).find("--port") != std::string::npos);
    CHECK(message(parse({"--port", "80a"})).find("--port") != std::string::npos);
    CHECK(message(parse({"--issuer", "localhost:8080"})).find("--issuer") != std::string::npos);
    CHECK(message(parse({"--public-url", "http://127.0.0.1:8081/council"})).find("--public-url") != std::string::npos);
    CHECK(message(parse({"--client-id", "only-the-id"})).find("--client-secret") != std::string::npos);
    CHECK(message(parse({"--colour", "red"})).find("Unknown option --colour") != std::string::npos);
    CHECK(message(parse({"--port"})).find("needs a value") != std::string::npos);
}

TEST_CASE("The client credentials come from the options, or from the server's demo-credentials.json", "[examples][options]") {
    auto fromJson = credentialsFromJson(kCredentials);
    REQUIRE(fromJson);
    CHECK(fromJson->clientId == "dc-id");
    CHECK(fromJson->clientSecret == "dc-secret");
    CHECK(credentialsFromJson("{\"services\":[]}").error().code == "no_demo_service");
    CHECK(credentialsFromJson("not json").error().code == "bad_credentials_file");

    auto given = parse({"--client-id", "id", "--client-secret", "secret"});
    REQUIRE(given);
    CHECK(credentialsSource(*given)()->clientId == "id");

    const auto path = std::filesystem::temp_directory_path() / "tessera-demo-options-test.json";
    std::filesystem::remove(path);
    auto fromFile = parse({"--credentials", path.string()});
    REQUIRE(fromFile);
    auto source = credentialsSource(*fromFile);
    auto missing = source();
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == "no_credentials");  // the server has not written it yet
    CHECK(missing.error().message.find("TESSERA_DEMO=1") != std::string::npos);
    std::ofstream(path) << kCredentials;
    CHECK(source()->clientSecret == "dc-secret");  // read when it appears
    std::filesystem::remove(path);
}
