#include <catch2/catch.hpp>

#include <Poco/Data/Session.h>

#include <fstream>

#include "store/Migrator.h"
#include "support/Paths.h"
#include "support/TempDir.h"
#include "support/TestDatabase.h"

using namespace Poco::Data::Keywords;
using tessera::store::Migrator;

TEST_CASE("Migrations apply once, in order, on every backend", "[store][migrations]") {
    for (const auto& backend : tessera::test::backends()) {
        DYNAMIC_SECTION(backend) {
            tessera::test::TestDatabase t(backend, /*migrate=*/false);
            Migrator m(t.db(), tessera::test::resourcesDir() + "/migrations");
            auto all = m.load();
            REQUIRE(all.ok());
            REQUIRE_FALSE(all->empty());

            auto first = m.migrate();
            REQUIRE(first.ok());
            CHECK(*first == int(all->size()));
            CHECK(m.currentVersion() == int(all->size()));

            auto again = m.migrate();
            REQUIRE(again.ok());
            CHECK(*again == 0);

            Poco::Data::Session s = t.db().session();
            Poco::Int64 accounts = -1;
            s << "SELECT COUNT(*) FROM accounts", into(accounts), now;
            CHECK(accounts == 0);
        }
    }
}

TEST_CASE("A failing migration leaves the schema at the previous version", "[store][migrations]") {
    for (const auto& backend : tessera::test::backends()) {
        DYNAMIC_SECTION(backend) {
            tessera::test::TestDatabase t(backend, false);
            tessera::test::TempDir dir;
            std::ofstream(dir.path() + "/001_good.sql") << "CREATE TABLE good (id TEXT PRIMARY KEY);\n";
            std::ofstream(dir.path() + "/002_bad.sql")
                << "CREATE TABLE half (id TEXT PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n";
            Migrator m(t.db(), dir.path());
            auto r = m.migrate();
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().message.find("Migration 2 (bad)") != std::string::npos);
            CHECK(m.currentVersion() == 1);
            // The half-applied migration's first statement was rolled back with it.
            Poco::Data::Session s = t.db().session();
            bool halfExists = true;
            try {
                s << "SELECT COUNT(*) FROM half", now;
            } catch (const std::exception&) {
                halfExists = false;
            }
            CHECK_FALSE(halfExists);
        }
    }
}

TEST_CASE("Migration files must be numbered without gaps", "[store][migrations]") {
    tessera::test::TestDatabase t("sqlite", false);
    tessera::test::TempDir dir;
    std::ofstream(dir.path() + "/001_a.sql") << "CREATE TABLE a (id TEXT);\n";
    std::ofstream(dir.path() + "/003_c.sql") << "CREATE TABLE c (id TEXT);\n";
    Migrator m(t.db(), dir.path());
    auto r = m.load();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("without gaps") != std::string::npos);
}

TEST_CASE("Scripts split into statements at line-ending semicolons", "[store][migrations]") {
    auto parts = Migrator::statements("-- comment\nCREATE TABLE a (x TEXT DEFAULT ';');\n\nCREATE INDEX i ON a (x);\n");
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].find("DEFAULT ';'") != std::string::npos);
}
