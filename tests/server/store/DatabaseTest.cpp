#include <catch2/catch.hpp>

#include <Poco/Data/Session.h>

#include "support/TestDatabase.h"

using namespace Poco::Data::Keywords;
using tessera::Error;
using tessera::Result;

TEST_CASE("Placeholders are rewritten for PostgreSQL only", "[store]") {
    tessera::test::TestDatabase t("sqlite");
    CHECK(t.db().sql("SELECT ? , '?'") == "SELECT ? , '?'");
    if (tessera::test::backends().size() > 1) {
        tessera::test::TestDatabase pg("postgresql");
        CHECK(pg.db().sql("SELECT a FROM t WHERE b = ? AND c = '?' AND d = ?") ==
              "SELECT a FROM t WHERE b = $1 AND c = '?' AND d = $2");
    }
}

TEST_CASE("A transaction that returns an error writes nothing", "[store]") {
    for (const auto& backend : tessera::test::backends()) {
        DYNAMIC_SECTION(backend) {
            tessera::test::TestDatabase t(backend);
            auto& db = t.db();
            auto count = [&] {
                Poco::Int64 n = 0;
                Poco::Data::Session s = db.session();
                s << "SELECT COUNT(*) FROM throttle_counters", into(n), now;
                return n;
            };
            auto insert = [&](Poco::Data::Session& s, const std::string& subject) {
                std::string subj = subject;
                Poco::Int64 at = 1;
                s << db.sql("INSERT INTO throttle_counters (subject, window_started_at) VALUES (?, ?)"), use(subj),
                    use(at), now;
            };

            auto failed = db.transaction<int>([&](Poco::Data::Session& s) -> Result<int> {
                insert(s, "a");
                return Error::conflict("stop", "stop here");
            });
            CHECK_FALSE(failed.ok());
            CHECK(count() == 0);

            auto thrown = db.transaction<int>([&](Poco::Data::Session& s) -> Result<int> {
                insert(s, "b");
                insert(s, "b");  // primary key violation throws
                return 1;
            });
            CHECK_FALSE(thrown.ok());
            CHECK(thrown.error().kind == tessera::ErrorKind::Internal);
            CHECK(count() == 0);

            auto committed = db.transaction<int>([&](Poco::Data::Session& s) -> Result<int> {
                insert(s, "c");
                return 1;
            });
            CHECK(committed.ok());
            CHECK(count() == 1);
            CHECK(db.ping());
        }
    }
}
