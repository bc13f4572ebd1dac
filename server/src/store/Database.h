#pragma once
// The database: a Poco::Data session pool over SQLite (embedded default) or PostgreSQL.
// Repositories write SQL with `?` placeholders; sql() rewrites them for the backend in use.
#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "tessera/shared/Result.h"

namespace tessera::store {

enum class Backend { SQLite, PostgreSQL };

class Database {
public:
    // url: "sqlite:///abs/path.db", "sqlite:relative.db", a plain file path, or "postgresql://...".
    static Result<std::unique_ptr<Database>> open(const std::string& url, int maxSessions = 16);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Backend backend() const { return backend_; }
    // A session from the pool, configured for this backend (foreign keys, busy timeout).
    Poco::Data::Session session();
    // Rewrites `?` placeholders to `$1..$n` on PostgreSQL; returns the text unchanged on SQLite.
    std::string sql(std::string_view text) const;
    // Whether the database answers a trivial query (for /readyz).
    bool ping();

    // Runs fn inside one transaction: commits when it returns ok, rolls back on an error value
    // or an exception (which becomes Error::internal/unavailable). No partial writes.
    template <class T>
    Result<T> transaction(const std::function<Result<T>(Poco::Data::Session&)>& fn);

private:
    Database(Backend backend, std::string connector, std::string connection, int maxSessions);
    void begin(Poco::Data::Session& s);
    Error describe(const std::exception& e) const;

    Backend backend_;
    std::unique_ptr<Poco::Data::SessionPool> pool_;
    // SQLite allows one writer; serialising write transactions in-process avoids
    // SQLITE_BUSY deadlocks between deferred transactions upgrading their locks.
    std::mutex sqliteWriter_;
};

template <class T>
Result<T> Database::transaction(const std::function<Result<T>(Poco::Data::Session&)>& fn) {
    std::unique_lock<std::mutex> lock(sqliteWriter_, std::defer_lock);
    if (backend_ == Backend::SQLite) lock.lock();
    Poco::Data::Session s = session();
    try {
        begin(s);
        Result<T> r = fn(s);
        if (r.ok()) {
            s.commit();
        } else {
            s.rollback();
        }
        return r;
    } catch (const std::exception& e) {
        try {
            if (s.isTransaction()) s.rollback();
        } catch (...) {
        }
        return describe(e);
    }
}

}  // namespace tessera::store
