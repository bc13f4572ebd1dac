#pragma once
// Applies numbered SQL migrations (resources/migrations/NNN_name.sql) in order, once each,
// recording them in schema_version. The same files run on SQLite and PostgreSQL.
#include <string>
#include <vector>

#include "store/Database.h"

namespace tessera::store {

struct Migration {
    int version = 0;
    std::string name;
    std::string sql;
};

class Migrator {
public:
    Migrator(Database& db, std::string migrationsDir) : db_(db), dir_(std::move(migrationsDir)) {}
    // Reads the folder; fails on a gap or a duplicate number.
    Result<std::vector<Migration>> load() const;
    // Applies every pending migration, each in its own transaction; returns how many ran.
    Result<int> migrate();
    // The highest applied version (0 for an empty database).
    int currentVersion();

    // Splits a script into statements at semicolons that end a line (no procedures here).
    static std::vector<std::string> statements(const std::string& script);

private:
    Database& db_;
    std::string dir_;
};

}  // namespace tessera::store
