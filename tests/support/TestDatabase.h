#pragma once
// A migrated, empty database for one test, on SQLite (a temp file) or PostgreSQL (a fresh
// database in the throwaway cluster named by TESSERA_TEST_POSTGRES_URL, dropped afterwards).
#include <memory>
#include <string>
#include <vector>

#include "store/Database.h"
#include "support/TempDir.h"

namespace tessera::test {

// The backends to run integration tests on: always "sqlite"; "postgresql" when the cluster
// is configured. Under CI=true a missing cluster is a failure, not a silent skip.
std::vector<std::string> backends();

class TestDatabase {
public:
    explicit TestDatabase(const std::string& backend, bool migrate = true);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& url() const { return url_; }
    const std::string& backend() const { return backend_; }
    store::Database& db() { return *db_; }
    // Closes the pool, e.g. before handing the URL to a server that opens its own.
    void close() { db_.reset(); }

private:
    std::string backend_;
    TempDir dir_;
    std::string url_;
    std::string pgName_;
    std::unique_ptr<store::Database> db_;
};

}  // namespace tessera::test
