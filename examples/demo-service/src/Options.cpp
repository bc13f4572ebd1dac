#include "Options.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>

#include "Jws.h"

namespace tessera::demo {

namespace {

constexpr const char* kServiceName = "Demo council";

struct OptionSpec {
    const char* flag;
    const char* env;
};
// The order of the help text.
const std::vector<OptionSpec> kOptionSpecs = {
    {"--issuer", "TESSERA_DEMO_SERVICE_ISSUER"},           {"--host", "TESSERA_DEMO_SERVICE_HOST"},
    {"--port", "TESSERA_DEMO_SERVICE_PORT"},               {"--public-url", "TESSERA_DEMO_SERVICE_URL"},
    {"--client-id", "TESSERA_DEMO_SERVICE_CLIENT_ID"},     {"--client-secret", "TESSERA_DEMO_SERVICE_CLIENT_SECRET"},
    {"--credentials", "TESSERA_DEMO_SERVICE_CREDENTIALS"},
};

Error bad(const std::string& message) { return Error::invalid("bad_option", message); }

std::string trimSlash(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

// An absolute http(s) URL with a host and nothing after the path.
bool isBaseUrl(const std::string& url) {
    try {
        const Poco::URI uri(url);
        return (uri.getScheme() == "http" || uri.getScheme() == "https") && !uri.getHost().empty() &&
               uri.getQuery().empty() && uri.getFragment().empty() && uri.getUserInfo().empty();
    } catch (const std::exception&) {
        return false;
    }
}

std::optional<int> portFrom(const std::string& text) {
    if (text.empty() || text.size() > 5 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const int port = std::stoi(text);
    if (port < 1 || port > 65535) return std::nullopt;
    return port;
}

}  // namespace

Result<Options> parseOptions(const std::vector<std::string>& args, const std::function<std::string(const std::string&)>& env) {
    std::map<std::string, std::string> values;
    for (const auto& spec : kOptionSpecs)
        if (auto v = env(spec.env); !v.empty()) values[spec.flag] = v;
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            o.help = true;
            return o;
        }
        std::string flag = arg, value;
        bool hasValue = false;
        if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            flag = arg.substr(0, eq);
            value = arg.substr(eq + 1);
            hasValue = true;
        }
        const bool known = std::any_of(kOptionSpecs.begin(), kOptionSpecs.end(),
                                       [&](const OptionSpec& s) { return flag == s.flag; });
        if (!known) return bad("Unknown option " + arg + ". See --help.");
        if (!hasValue) {
            if (i + 1 >= args.size()) return bad(flag + " needs a value. See --help.");
            value = args[++i];
        }
        values[flag] = value;
    }

    if (values.count("--issuer")) o.issuer = values["--issuer"];
    o.issuer = trimSlash(o.issuer);
    if (!isBaseUrl(o.issuer)) return bad("--issuer must be Tessera's URL, like http://localhost:8080.");
    if (values.count("--host")) o.host = values["--host"];
    if (o.host.empty()) return bad("--host must name an address to listen on, like 127.0.0.1.");
    if (values.count("--public-url")) {
        o.publicUrl = trimSlash(values["--public-url"]);
        if (!isBaseUrl(o.publicUrl) || Poco::URI(o.publicUrl).getPath().size() > 0)
            return bad("--public-url must be this service's own URL with no path, like http://127.0.0.1:8081.");
    }
    if (values.count("--port")) {
        auto port = portFrom(values["--port"]);
        if (!port) return bad("--port must be a number from 1 to 65535.");
        o.port = *port;
    } else if (!o.publicUrl.empty()) {
        o.port = Poco::URI(o.publicUrl).getPort();  // listen where the public URL points
    }
    if (o.publicUrl.empty()) o.publicUrl = "http://127.0.0.1:" + std::to_string(o.port);
    if (values.count("--client-id")) o.clientId = values["--client-id"];
    if (values.count("--client-secret")) o.clientSecret = values["--client-secret"];
    if (values.count("--credentials")) o.credentialsFile = values["--credentials"];
    if (o.clientId.empty() != o.clientSecret.empty())
        return bad("Give both --client-id and --client-secret, or neither (then they are read from --credentials).");
    return o;
}

std::string usage() {
    return R"(tessera-demo-service: a demo council service that signs citizens in through Tessera
with OpenID Connect (authorization code flow with PKCE), shows the claims it receives, and
asks for a higher level of assurance on its secure page.

Usage: tessera-demo-service [options]     (each option can also be set by its variable)

  --issuer URL          Tessera's URL, the OpenID Connect issuer      TESSERA_DEMO_SERVICE_ISSUER
                        (default http://localhost:8080)
  --host ADDRESS        address to listen on (default 127.0.0.1)      TESSERA_DEMO_SERVICE_HOST
  --port N              port to listen on (default 8081, or the       TESSERA_DEMO_SERVICE_PORT
                        port of --public-url)
  --public-url URL      this service's URL as browsers reach it       TESSERA_DEMO_SERVICE_URL
                        (default http://127.0.0.1:PORT); the server
                        reads the same variable to register it
  --client-id ID        the service's client_id                       TESSERA_DEMO_SERVICE_CLIENT_ID
  --client-secret S     the service's client_secret                   TESSERA_DEMO_SERVICE_CLIENT_SECRET
  --credentials FILE    without --client-id: read both from the       TESSERA_DEMO_SERVICE_CREDENTIALS
                        "Demo council" entry of the server's demo-credentials.json
                        (default var/demo-credentials.json; read when first needed)
  --help                this text

Run it beside a server started with TESSERA_DEMO=1 (scripts/run starts both), open the
public URL and press "Sign in with Tessera". SIGINT or SIGTERM stops it.
)";
}

Result<ClientCredentials> credentialsFromJson(const std::string& json) {
    try {
        Poco::JSON::Parser parser;
        auto root = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
        auto list = root && root->isArray("services") ? root->getArray("services") : nullptr;
        for (std::size_t i = 0; list && i < list->size(); ++i) {
            if (!list->isObject(static_cast<unsigned>(i))) continue;
            auto service = list->getObject(static_cast<unsigned>(i));
            if (stringClaim(*service, "name").value_or("") != kServiceName) continue;
            ClientCredentials c{stringClaim(*service, "clientId").value_or(""),
                                stringClaim(*service, "clientSecret").value_or("")};
            if (c.clientId.empty() || c.clientSecret.empty()) break;
            return c;
        }
    } catch (const std::exception&) {
        return Error::invalid("bad_credentials_file", "The credentials file is not the JSON the server writes.");
    }
    return Error::notFound("no_demo_service", "The credentials file has no \"Demo council\" service with a client_id and secret.");
}

CredentialsSource credentialsSource(const Options& options) {
    if (!options.clientId.empty()) {
        ClientCredentials fixed{options.clientId, options.clientSecret};
        return [fixed]() -> Result<ClientCredentials> { return fixed; };
    }
    struct Cache {
        std::mutex mutex;
        std::filesystem::file_time_type readAt{};
        std::optional<ClientCredentials> credentials;
    };
    auto cache = std::make_shared<Cache>();
    const std::string path = options.credentialsFile;
    return [cache, path]() -> Result<ClientCredentials> {
        std::error_code ec;
        const auto modified = std::filesystem::last_write_time(path, ec);
        if (ec)
            return Error::unavailable("no_credentials",
                                      "This service has no client_id yet: " + path +
                                          " is not there. Start tessera-server with TESSERA_DEMO=1, or give --client-id "
                                          "and --client-secret.");
        std::lock_guard lock(cache->mutex);
        if (cache->credentials && cache->readAt == modified) return *cache->credentials;
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        auto read = credentialsFromJson(text.str());
        if (!read) return Error::unavailable(read.error().code, path + ": " + read.error().message);
        cache->credentials = *read;
        cache->readAt = modified;
        return *read;
    };
}

}  // namespace tessera::demo
