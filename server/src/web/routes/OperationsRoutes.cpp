// Operations: /healthz says the process is up; /readyz says it can reach its database;
// /api/v1/openapi.json describes the REST API (resources/api/openapi.json, read once here).
#include <Poco/JSON/Object.h>
#include <Poco/Logger.h>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "web/Respond.h"
#include "web/Services.h"
#include "web/routes/Routes.h"

namespace tessera::web {

namespace {

// The whole file, or nullopt if it cannot be read.
std::optional<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return text.str();
}

}  // namespace

void registerOperationsRoutes(Router& router, Services& services) {
    router.get("/healthz", [](Request& r) {
        Poco::JSON::Object body;
        body.set("status", "ok");
        sendJson(r, 200, body);
    });
    router.get("/readyz", [&services](Request& r) {
        if (!services.db.ping()) {
            return sendProblem(r, Error::unavailable("database_unreachable", "The database does not answer."));
        }
        Poco::JSON::Object body;
        body.set("status", "ready");
        body.set("database", services.db.backend() == store::Backend::SQLite ? "sqlite" : "postgresql");
        sendJson(r, 200, body);
    });

    // Read at start-up, not per request: the document ships with the program and does not change.
    const std::string openApiPath = services.settings.resourcesDir + "/api/openapi.json";
    auto openApi = std::make_shared<const std::optional<std::string>>(readFile(openApiPath));
    if (!*openApi)
        Poco::Logger::get("tessera.http").error("cannot read the OpenAPI document " + openApiPath +
                                                "; GET /api/v1/openapi.json will answer 503");
    router.get("/api/v1/openapi.json", [openApi](Request& r) {
        if (!*openApi)
            return sendProblem(r, Error::unavailable("openapi_unavailable",
                                                     "The API description is not installed on this server."));
        const std::string& text = **openApi;
        auto& resp = r.response;
        // Public and the same for everyone: the default no-store would only cost round trips.
        resp.set("Cache-Control", "public, max-age=300");
        resp.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
        resp.setContentType("application/json");
        resp.setContentLength(static_cast<std::streamsize>(text.size()));
        auto& out = resp.send();
        if (r.method != "HEAD") out << text;
    });
}

}  // namespace tessera::web
