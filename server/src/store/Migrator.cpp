#include "store/Migrator.h"

#include <Poco/Data/Session.h>
#include <Poco/Logger.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace Poco::Data::Keywords;
namespace fs = std::filesystem;

namespace tessera::store {

namespace {

// An arbitrary constant: the advisory lock that keeps two PostgreSQL servers
// starting together from migrating at once.
constexpr long long kMigrationLock = 0x7e55e7a;

void ensureVersionTable(Poco::Data::Session& s) {
    s << "CREATE TABLE IF NOT EXISTS schema_version ("
         "version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
        now;
}

}  // namespace

Result<std::vector<Migration>> Migrator::load() const {
    std::vector<Migration> out;
    std::error_code ec;
    if (!fs::is_directory(dir_, ec)) {
        return Error::unavailable("migrations_missing", "The migrations folder " + dir_ + " does not exist.");
    }
    for (const auto& entry : fs::directory_iterator(dir_)) {
        const std::string file = entry.path().filename().string();
        if (entry.path().extension() != ".sql") continue;
        const auto underscore = file.find('_');
        if (underscore == std::string::npos || underscore == 0) continue;
        Migration m;
        try {
            m.version = std::stoi(file.substr(0, underscore));
        } catch (...) {
            continue;
        }
        m.name = file.substr(underscore + 1, file.size() - underscore - 5);
        std::ifstream in(entry.path());
        std::stringstream buf;
        buf << in.rdbuf();
        m.sql = buf.str();
        out.push_back(std::move(m));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].version != int(i) + 1) {
            return Error::internal("Migration numbers must run 1, 2, 3… without gaps or repeats; found " +
                                   std::to_string(out[i].version) + " at position " + std::to_string(i + 1) + ".");
        }
    }
    return out;
}

std::vector<std::string> Migrator::statements(const std::string& script) {
    std::vector<std::string> out;
    std::string current;
    std::istringstream in(script);
    std::string line;
    while (std::getline(in, line)) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line.compare(first, 2, "--") == 0) continue;
        current += line;
        current += '\n';
        const auto last = line.find_last_not_of(" \t\r");
        if (last != std::string::npos && line[last] == ';') {
            current.erase(current.find_last_of(';'));
            out.push_back(current);
            current.clear();
        }
    }
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
    return out;
}

int Migrator::currentVersion() {
    Poco::Data::Session s = db_.session();
    ensureVersionTable(s);
    Poco::Int64 v = 0;
    s << "SELECT COALESCE(MAX(version), 0) FROM schema_version", into(v), now;
    return int(v);
}

Result<int> Migrator::migrate() {
    auto loaded = load();
    if (!loaded) return loaded.error();
    auto& log = Poco::Logger::get("tessera.store");

    Poco::Data::Session lockSession = db_.session();
    const bool pg = db_.backend() == Backend::PostgreSQL;
    if (pg) lockSession << "SELECT pg_advisory_lock(" + std::to_string(kMigrationLock) + ")", now;
    int applied = 0;
    Result<int> result = 0;
    try {
        ensureVersionTable(lockSession);
        const int current = currentVersion();
        for (const auto& m : *loaded) {
            if (m.version <= current) continue;
            auto r = db_.transaction<int>([&](Poco::Data::Session& s) -> Result<int> {
                for (const auto& stmt : statements(m.sql)) s << stmt, now;
                Poco::Int64 version = m.version;
                std::string name = m.name;
                Poco::Int64 at = static_cast<Poco::Int64>(std::time(nullptr));
                s << db_.sql("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)"), use(version),
                    use(name), use(at), now;
                return 1;
            });
            if (!r) {
                result = Error::internal("Migration " + std::to_string(m.version) + " (" + m.name +
                                         ") failed; the database is left at version " +
                                         std::to_string(m.version - 1) + ".");
                break;
            }
            log.information("applied migration %d (%s)", m.version, m.name);
            ++applied;
        }
    } catch (const std::exception& e) {
        result = Error::internal(std::string("Migrations failed: ") + e.what());
    }
    if (pg) lockSession << "SELECT pg_advisory_unlock(" + std::to_string(kMigrationLock) + ")", now;
    if (!result) return result;
    return applied;
}

}  // namespace tessera::store
