// How fast the review queue lists a page with a million applications in the store.
//
//   tessera-bench-review [--rows N] [--iterations K] [--postgres URL]
//
// Fills a fresh database (a SQLite file in a temporary folder; PostgreSQL too when --postgres
// or TESSERA_TEST_POSTGRES_URL names a cluster: a throwaway database is created in it and
// dropped afterwards) with N applications (default 1,000,000), generated inside the database
// in large transactions: 70% submitted, 10% in review, 5% flagged, 15% decided; 60% document +
// video, 35% document photos, 5% duplicate-person; submitted over the last ~80 days, random ids.
// Then asks core::ReviewQueue (the code the REST handler calls) for pages, K times each:
//   first page (the default work states, oldest first, 25 a page); deep pages (a cursor at
//   50% and 95% of the submitted cases); filters (evidence bundle; flagged only; older than 30
//   days; newest first; 100 a page); and the counts per state (one GROUP BY over every row).
// Figures are wall-clock milliseconds per call (the database is in the same process for
// SQLite, on loopback for PostgreSQL), p50 and p99.
#include <Poco/AutoPtr.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Environment.h>
#include <Poco/Util/MapConfiguration.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/review/QueueCursor.h"
#include "core/review/ReviewQueue.h"
#include "core/services/Roles.h"
#include "infra/Random.h"
#include "infra/SecretBox.h"
#include "infra/Settings.h"
#include "infra/mail/Mailer.h"
#include "store/Database.h"
#include "store/Migrator.h"

using namespace Poco::Data::Keywords;
using namespace tessera;
using WallClock = std::chrono::steady_clock;

namespace {

class NoMail final : public infra::Mailer {
public:
    Status send(const infra::MailMessage&) override { return {}; }
};

std::string argText(int argc, char** argv, const std::string& name, const std::string& fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == name) return argv[i + 1];
    return fallback;
}

long argNumber(int argc, char** argv, const std::string& name, long fallback) {
    const std::string text = argText(argc, argv, name, "");
    return text.empty() ? fallback : std::atol(text.c_str());
}

[[noreturn]] void fail(const std::string& what) {
    std::cerr << "tessera-bench-review: " << what << "\n";
    std::exit(1);
}

double millisSince(WallClock::time_point start) {
    return std::chrono::duration<double, std::milli>(WallClock::now() - start).count();
}

std::string withDatabase(const std::string& url, const std::string& name) {
    auto slash = url.rfind('/');
    auto query = url.find('?', slash);
    return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

void adminExec(const std::string& adminUrl, const std::string& sql) {
    auto admin = store::Database::open(adminUrl, 1);
    if (!admin) fail("cannot reach PostgreSQL: " + admin.error().message);
    Poco::Data::Session s = (*admin)->session();
    s << sql, now;
}

// The generated rows: a batch of [from, to) row numbers in one INSERT ... SELECT, so a million
// rows take seconds rather than a million round trips.
std::string fillSql(store::Backend backend, long from, long to, long total, std::int64_t at,
                    const std::string& account) {
    const bool pg = backend == store::Backend::PostgreSQL;
    const std::string roll = pg ? "(floor(random() * 100))::bigint" : "(abs(random()) % 100)";
    const std::string roll2 = pg ? "(floor(random() * 100))::bigint" : "(abs(random()) % 100)";
    const std::string jitter = pg ? "(floor(random() * 7))::bigint" : "(abs(random()) % 7)";
    const std::string id = pg ? "md5(random()::text || i::text)" : "lower(hex(randomblob(16)))";
    const std::string series =
        pg ? "SELECT i, " + roll + " AS r, " + roll2 + " AS k, " + jitter + " AS j FROM generate_series(" +
                 std::to_string(from) + ", " + std::to_string(to - 1) + ") AS g(i)"
           : "WITH RECURSIVE n(i) AS (SELECT " + std::to_string(from) + " UNION ALL SELECT i + 1 FROM n WHERE i < " +
                 std::to_string(to - 1) + ") SELECT i, " + roll + " AS r, " + roll2 + " AS k, " + jitter +
                 " AS j FROM n";
    const std::string submitted = std::to_string(at) + " - (" + std::to_string(total) + " - i) * 7 - j";
    std::string sql =
        "INSERT INTO verification_applications (id, account_id, evidence_kind, target_loa, state, claimed_by, "
        "claim_expires_at, flagged_by, flag_reason, decided_at, created_at, submitted_at, updated_at) SELECT " +
        id + ", '" + account +
        "', CASE WHEN k < 60 THEN 'document_video' WHEN k < 95 THEN 'document_photo' ELSE 'duplicate_person' END, "
        "CASE WHEN k < 60 THEN 3 WHEN k < 95 THEN 2 ELSE 1 END, "
        "CASE WHEN r < 70 THEN 'submitted' WHEN r < 80 THEN 'in_review' WHEN r < 85 THEN 'flagged' "
        "WHEN r < 95 THEN 'approved' ELSE 'rejected' END, "
        "CASE WHEN r >= 70 AND r < 80 THEN 'reviewer-' || (i % 50) ELSE '' END, "
        "CASE WHEN r >= 70 AND r < 80 THEN " + std::to_string(at + 1800) + " ELSE 0 END, "
        "CASE WHEN r >= 80 AND r < 85 THEN 'system' ELSE '' END, "
        "CASE WHEN r >= 80 AND r < 85 THEN 'duplicate_person' ELSE '' END, "
        "CASE WHEN r >= 85 THEN " + std::to_string(at) + " ELSE 0 END, " +
        submitted + ", " + submitted + ", " + std::to_string(at) + " FROM (" + series + ") AS rows";
    return sql;
}

struct Figures {
    double p50 = 0, p99 = 0, max = 0;
    std::size_t items = 0;
};

Figures measure(int iterations, const std::function<std::size_t()>& call) {
    std::vector<double> times;
    std::size_t items = 0;
    call();  // warm the cache and the statement once
    for (int i = 0; i < iterations; ++i) {
        auto start = WallClock::now();
        items = call();
        times.push_back(millisSince(start));
    }
    std::sort(times.begin(), times.end());
    auto at = [&](double q) { return times[std::min(times.size() - 1, std::size_t(q * double(times.size())))]; };
    return {at(0.50), at(0.99), times.back(), items};
}

void runOn(const std::string& label, const std::string& url, const infra::Settings& base, long rows,
           int iterations) {
    std::cout << "\n## " << label << "\n\n";
    auto opened = store::Database::open(url, 4);
    if (!opened) fail("cannot open " + label + ": " + opened.error().message);
    store::Database& db = **opened;
    store::Migrator migrator(db, base.resourcesDir + "/migrations");
    if (auto m = migrator.migrate(); !m) fail("migration failed: " + m.error().message);

    infra::SystemClock clock;
    NoMail mail;
    infra::PasswordHasher passwords;
    infra::CommonPasswords common;
    auto key = infra::SecretBox::create(infra::SecretBox::generateKey());
    if (!key) fail("no data key");
    core::Context ctx(base, clock, db, mail, passwords, common, *key);

    core::Account owner;
    owner.id = infra::random::id();
    owner.email = "bench-citizen@example.org";
    owner.name = "Bench Citizen";
    owner.status = core::AccountStatus::Active;
    owner.secondFactor = core::SecondFactorMethod::Totp;
    owner.createdAt = owner.updatedAt = clock.now();
    core::Account reviewer = owner;
    reviewer.id = infra::random::id();
    reviewer.email = "bench-reviewer@example.org";
    auto accounts = db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        if (auto a = ctx.accounts.insert(s, owner); !a) return a;
        return ctx.accounts.insert(s, reviewer);
    });
    if (!accounts) fail("accounts: " + accounts.error().message);
    if (auto g = core::Roles(ctx).grant(reviewer.id, core::Role::Reviewer, {"system", ""}); !g) fail("role");

    const std::int64_t startedAt = clock.now();
    const long batch = 100'000;
    auto fillStart = WallClock::now();
    for (long from = 0; from < rows; from += batch) {
        const long to = std::min(rows, from + batch);
        auto filled = db.transaction<void>([&](Poco::Data::Session& s) -> Status {
            s << fillSql(db.backend(), from, to, rows, startedAt, owner.id), now;
            return {};
        });
        if (!filled) fail("fill: " + filled.error().message);
    }
    const double fillSeconds = millisSince(fillStart) / 1000.0;
    {
        Poco::Data::Session s = db.session();
        s << "ANALYZE", now;
    }
    Poco::Int64 total = 0, submitted = 0;
    {
        Poco::Data::Session s = db.session();
        s << "SELECT COUNT(*) FROM verification_applications", into(total), now;
        s << "SELECT COUNT(*) FROM verification_applications WHERE state = 'submitted'", into(submitted), now;
    }
    std::cout << "| figure | value |\n| --- | --- |\n";
    std::cout << "| applications in the store | " << total << " (" << submitted << " submitted) |\n";
    std::printf("| fill time (generated in the database, %ld-row transactions) + ANALYZE | %.1f s |\n", batch,
                fillSeconds);

    // A cursor pointing `fraction` of the way into the submitted cases, oldest first.
    auto cursorAt = [&](double fraction) {
        Poco::Data::Session s = db.session();
        Poco::Int64 offset = Poco::Int64(double(submitted) * fraction), at = 0;
        std::string id;
        s << db.sql("SELECT submitted_at, id FROM verification_applications WHERE state = 'submitted' "
                    "ORDER BY submitted_at, id LIMIT 1 OFFSET " + std::to_string(offset)),
            into(at), into(id), now;
        return core::encodeQueueCursor({false, at, id});
    };

    core::ReviewQueue queue(ctx);
    auto page = [&](core::QueuePageRequest r) {
        return [&, r]() -> std::size_t {
            auto p = queue.list(reviewer.id, r);
            if (!p) fail("list: " + p.error().message);
            return p->items.size();
        };
    };
    struct Scenario {
        std::string name;
        core::QueuePageRequest request;
    };
    std::vector<Scenario> scenarios;
    scenarios.push_back({"first page (submitted + in review + flagged, oldest first, 25)", {}});
    {
        core::QueuePageRequest r;
        r.after = cursorAt(0.5);
        scenarios.push_back({"deep page: cursor at 50% of the submitted cases", r});
        r.after = cursorAt(0.95);
        scenarios.push_back({"deep page: cursor at 95% of the submitted cases", r});
    }
    {
        core::QueuePageRequest r;
        r.filter.bundle = core::EvidenceBundle::DocumentPhoto;
        scenarios.push_back({"filter: document photos only", r});
        r = {};
        r.filter.states = {ApplicationState::Flagged};
        scenarios.push_back({"filter: flagged only", r});
        r = {};
        r.filter.submittedBefore = startedAt - 30 * 86400;
        scenarios.push_back({"filter: waiting more than 30 days", r});
        r = {};
        r.order = core::QueueOrder::NewestFirst;
        r.limit = 100;
        scenarios.push_back({"newest first, 100 a page", r});
        r = {};
        r.filter.states = {ApplicationState::Submitted};
        r.filter.bundle = core::EvidenceBundle::DocumentVideo;
        r.filter.submittedAfter = startedAt - 10 * 86400;
        r.after = cursorAt(0.9);
        scenarios.push_back({"filter: video, last 10 days, deep cursor", r});
    }
    std::cout << "\n| request | items | p50 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- |\n";
    for (const auto& sc : scenarios) {
        auto f = measure(iterations, page(sc.request));
        std::printf("| %s | %zu | %.2f | %.2f | %.2f |\n", sc.name.c_str(), f.items, f.p50, f.p99, f.max);
    }
    // Following the cursor page after page, as a reviewer scrolling would.
    {
        core::QueuePageRequest r;
        std::vector<double> times;
        for (int i = 0; i < iterations; ++i) {
            auto start = WallClock::now();
            auto p = queue.list(reviewer.id, r);
            times.push_back(millisSince(start));
            if (!p || p->next.empty()) break;
            r.after = p->next;
        }
        std::sort(times.begin(), times.end());
        std::printf("| %d consecutive pages following the cursor | 25 | %.2f | %.2f | %.2f |\n", int(times.size()),
                    times[times.size() / 2], times[std::min(times.size() - 1, std::size_t(0.99 * double(times.size())))],
                    times.back());
    }
    auto counts = measure(std::max(5, iterations / 20), [&]() -> std::size_t {
        auto c = queue.counts(reviewer.id);
        if (!c) fail("counts");
        return c->size();
    });
    std::printf("| counts per state (GROUP BY over all rows) | %zu states | %.2f | %.2f | %.2f |\n", counts.items,
                counts.p50, counts.p99, counts.max);
}

}  // namespace

int main(int argc, char** argv) {
    const long rows = argNumber(argc, argv, "--rows", 1'000'000);
    const int iterations = int(argNumber(argc, argv, "--iterations", 200));
    const std::string pgAdmin =
        argText(argc, argv, "--postgres", Poco::Environment::get("TESSERA_TEST_POSTGRES_URL", ""));

    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    auto settings = infra::Settings::from(*config);
    if (!settings) fail(settings.error().message);

    std::cout << "# Review queue: " << rows << " applications, " << iterations << " calls per figure\n";
    const auto dir = std::filesystem::temp_directory_path() / ("tessera-bench-review-" + infra::random::id());
    std::filesystem::create_directories(dir);
    runOn("SQLite (file, WAL)", "sqlite://" + (dir / "bench.db").string(), *settings, rows, iterations);
    std::filesystem::remove_all(dir);

    if (!pgAdmin.empty()) {
        const std::string name = "tessera_bench_" + infra::random::id().substr(0, 12);
        adminExec(pgAdmin, "CREATE DATABASE " + name);
        runOn("PostgreSQL", withDatabase(pgAdmin, name), *settings, rows, iterations);
        adminExec(pgAdmin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
    return 0;
}
