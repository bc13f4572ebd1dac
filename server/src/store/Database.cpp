#include "store/Database.h"

#include <filesystem>

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Logger.h>
#include <Poco/URI.h>

#include <mutex>

using namespace Poco::Data::Keywords;

namespace tessera::store {

namespace {

void registerConnectors() {
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
}

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// libpq keyword/value form, which is what Poco's PostgreSQL connector accepts:
// postgresql://user:pass@host:port/db?sslmode=require -> host='..' port='..' dbname='..' ...
std::string pgConnectionString(const std::string& url) {
    Poco::URI uri(url);
    auto quote = [](const std::string& v) {
        std::string out = "'";
        for (char c : v) {
            if (c == '\\' || c == '\'') out += '\\';
            out += c;
        }
        return out + "'";
    };
    std::string out;
    auto add = [&](const std::string& k, const std::string& v) {
        if (v.empty()) return;
        if (!out.empty()) out += ' ';
        out += k + "=" + quote(v);
    };
    add("host", uri.getHost());
    if (uri.getPort() != 0) add("port", std::to_string(uri.getPort()));
    std::string path = uri.getPath();
    if (!path.empty() && path.front() == '/') path.erase(0, 1);
    add("dbname", path);
    const std::string info = uri.getUserInfo();
    const auto colon = info.find(':');
    std::string user, password;
    Poco::URI::decode(info.substr(0, colon), user);
    if (colon != std::string::npos) Poco::URI::decode(info.substr(colon + 1), password);
    add("user", user);
    add("password", password);
    for (const auto& [k, v] : uri.getQueryParameters()) add(k, v);
    return out;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::open(const std::string& url, int maxSessions) {
    registerConnectors();
    try {
        std::unique_ptr<Database> db;
        if (startsWith(url, "postgresql://") || startsWith(url, "postgres://")) {
            db.reset(new Database(Backend::PostgreSQL, "PostgreSQL", pgConnectionString(url), maxSessions));
        } else {
            std::string path = url;
            if (startsWith(path, "sqlite://")) path = path.substr(9);
            else if (startsWith(path, "sqlite:")) path = path.substr(7);
            if (path.empty()) return Error::invalid("bad_database_url", "The SQLite database path is empty.");
            // Poco's SQLite connector retries a file it cannot create until its login timeout
            // (a minute): a missing folder must be a clear error at once.
            const auto folder = std::filesystem::absolute(std::filesystem::path(path)).parent_path();
            std::error_code ec;
            if (path != ":memory:" && !std::filesystem::is_directory(folder, ec))
                return Error::unavailable("database_unreachable", "Cannot open the SQLite database " + path +
                                                                      ": the folder " + folder.string() +
                                                                      " does not exist.");
            db.reset(new Database(Backend::SQLite, "SQLite", path, maxSessions));
            Poco::Data::Session s = db->session();
            // WAL lets readers proceed while one writer commits; it is a property of the file.
            s << "PRAGMA journal_mode=WAL", now;
            s << "PRAGMA synchronous=NORMAL", now;
        }
        if (!db->ping()) return Error::unavailable("database_unreachable", "The database does not answer.");
        return db;
    } catch (const Poco::Exception& e) {
        return Error::unavailable("database_unreachable", "Cannot open the database: " + e.displayText());
    } catch (const std::exception& e) {
        return Error::unavailable("database_unreachable", std::string("Cannot open the database: ") + e.what());
    }
}

Database::Database(Backend backend, std::string connector, std::string connection, int maxSessions)
    : backend_(backend), pool_(std::make_unique<Poco::Data::SessionPool>(connector, connection, 1, maxSessions, 60)) {}

Database::~Database() {
    try {
        pool_->shutdown();
    } catch (...) {
    }
}

Poco::Data::Session Database::session() {
    Poco::Data::Session s = pool_->get();
    if (backend_ == Backend::SQLite) {
        // Per-connection settings: cheap, and pooled connections may be new.
        s << "PRAGMA foreign_keys=ON", now;
        s << "PRAGMA busy_timeout=5000", now;
    }
    return s;
}

std::string Database::sql(std::string_view text) const {
    if (backend_ != Backend::PostgreSQL) return std::string(text);
    std::string out;
    out.reserve(text.size() + 16);
    int n = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '\'') quoted = !quoted;
        if (c == '?' && !quoted) {
            out += '$';
            out += std::to_string(++n);
        } else {
            out += c;
        }
    }
    return out;
}

bool Database::ping() {
    try {
        Poco::Data::Session s = session();
        int one = 0;
        s << "SELECT 1", into(one), now;
        return one == 1;
    } catch (const std::exception& e) {
        Poco::Logger::get("tessera.store").warning(std::string("database ping failed: ") + e.what());
        return false;
    }
}

void Database::begin(Poco::Data::Session& s) { s.begin(); }

Error Database::describe(const std::exception& e) const {
    std::string what = e.what();
    if (auto* pe = dynamic_cast<const Poco::Exception*>(&e)) what = pe->displayText();
    Poco::Logger::get("tessera.store").error("transaction failed: " + what);
    return Error::internal("A database operation failed; nothing was changed.");
}

}  // namespace tessera::store
