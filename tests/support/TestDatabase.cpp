#include "support/TestDatabase.h"

#include <Poco/Data/Session.h>
#include <Poco/Environment.h>

#include <stdexcept>

#include "infra/Random.h"
#include "store/Migrator.h"
#include "support/Paths.h"

using namespace Poco::Data::Keywords;

namespace tessera::test {

namespace {

std::string adminUrl() { return Poco::Environment::get("TESSERA_TEST_POSTGRES_URL", ""); }

std::string withDatabase(const std::string& url, const std::string& name) {
    auto slash = url.rfind('/');
    auto query = url.find('?', slash);
    return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

void adminExec(const std::string& sql) {
    auto admin = store::Database::open(adminUrl(), 2);
    if (!admin) throw std::runtime_error("cannot reach the test PostgreSQL cluster: " + admin.error().message);
    Poco::Data::Session s = (*admin)->session();
    s << sql, now;
}

}  // namespace

std::vector<std::string> backends() {
    std::vector<std::string> out{"sqlite"};
    if (!adminUrl().empty()) {
        out.push_back("postgresql");
    } else if (Poco::Environment::get("CI", "") == "true") {
        throw std::runtime_error("CI=true but TESSERA_TEST_POSTGRES_URL is not set: run the tests with scripts/test");
    }
    return out;
}

TestDatabase::TestDatabase(const std::string& backend, bool migrate) : backend_(backend) {
    if (backend == "sqlite") {
        url_ = "sqlite://" + dir_.path() + "/test.db";
    } else if (backend == "postgresql") {
        pgName_ = "tessera_test_" + infra::random::id().substr(0, 16);
        adminExec("CREATE DATABASE " + pgName_);
        url_ = withDatabase(adminUrl(), pgName_);
    } else {
        throw std::runtime_error("unknown backend " + backend);
    }
    auto db = store::Database::open(url_, 8);
    if (!db) throw std::runtime_error("cannot open test database: " + db.error().message);
    db_ = std::move(*db);
    if (migrate) {
        store::Migrator m(*db_, resourcesDir() + "/migrations");
        auto r = m.migrate();
        if (!r) throw std::runtime_error("migration failed: " + r.error().message);
    }
}

TestDatabase::~TestDatabase() {
    db_.reset();
    if (!pgName_.empty()) {
        try {
            adminExec("DROP DATABASE IF EXISTS " + pgName_ + " WITH (FORCE)");
        } catch (...) {
        }
    }
}

}  // namespace tessera::test
