// Operations: /healthz says the process is up; /readyz says it can reach its database.
#include <Poco/JSON/Object.h>

#include "web/Respond.h"
#include "web/Services.h"
#include "web/routes/Routes.h"

namespace tessera::web {

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
}

}  // namespace tessera::web
