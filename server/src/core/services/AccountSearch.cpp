#include "core/services/AccountSearch.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <algorithm>
#include <deque>
#include <map>

#include "infra/Encoding.h"
#include "tessera/shared/Utf8.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

constexpr Role kRoleOrder[] = {Role::Reviewer, Role::SeniorReviewer, Role::Admin};

// A LIKE pattern matching `fragment` anywhere, with LIKE's own characters taken literally.
std::string containsPattern(const std::string& fragment) {
    std::string out = "%";
    for (char c : fragment) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

bool hasControlCharacters(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

Error fieldErrors(std::vector<FieldError> errors) {
    return Error::invalid("validation_failed", "Some fields need to be corrected.", std::move(errors));
}

// Every role each account holds, in kRoleOrder.
std::map<std::string, std::vector<Role>> rolesOf(store::Database& db, Poco::Data::Session& s,
                                                 const std::vector<std::string>& accountIds) {
    std::map<std::string, std::vector<Role>> out;
    if (accountIds.empty()) return out;
    std::deque<std::string> ids(accountIds.begin(), accountIds.end());
    std::string marks;
    for (std::size_t i = 0; i < ids.size(); ++i) marks += i == 0 ? "?" : ", ?";
    Poco::Data::Statement st(s);
    st << db.sql("SELECT account_id, role FROM account_roles WHERE account_id IN (" + marks + ")");
    for (auto& id : ids) st.addBind(use(id));
    st.execute();
    Poco::Data::RecordSet rs(st);
    for (std::size_t row = 0; row < rs.rowCount(); ++row)
        if (auto role = roleFrom(rs.value(1, row).convert<std::string>()))
            out[rs.value(0, row).convert<std::string>()].push_back(*role);  // unknown roles grant nothing
    for (auto& [id, roles] : out)
        std::sort(roles.begin(), roles.end(), [](Role a, Role b) {
            auto rank = [](Role r) { return std::find(std::begin(kRoleOrder), std::end(kRoleOrder), r); };
            return rank(a) < rank(b);
        });
    return out;
}

std::vector<AccountWithRoles> accountsFrom(store::Database& db, Poco::Data::Session& s, Poco::Data::Statement& st) {
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<AccountWithRoles> out;
    std::vector<std::string> ids;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) {
        AccountWithRoles a;
        a.id = rs.value(0, row).convert<std::string>();
        a.email = rs.value(1, row).convert<std::string>();
        a.name = rs.value(2, row).convert<std::string>();
        a.status = accountStatusFrom(rs.value(3, row).convert<std::string>());
        ids.push_back(a.id);
        out.push_back(std::move(a));
    }
    auto roles = rolesOf(db, s, ids);
    for (auto& a : out) a.roles = roles[a.id];
    return out;
}

}  // namespace

Result<AccountSearchPage> AccountSearch::search(const std::string& query, const RoleFilter& roles, std::size_t limit,
                                                const std::string& after) {
    std::vector<FieldError> errors;
    if (query.empty() && !roles.isSet())
        errors.push_back({"q", "required", "Give part of an email address or a name, or a role to list its holders."});
    const auto length = utf8::codePointCount(query);
    if (!length) errors.push_back({"q", "not_utf8", "Must be valid UTF-8 text."});
    else if (!query.empty() && *length < kMinQueryLength)
        errors.push_back({"q", "too_short", "Give at least " + std::to_string(kMinQueryLength) + " characters."});
    else if (*length > kMaxQueryLength)
        errors.push_back({"q", "too_long", "Give at most " + std::to_string(kMaxQueryLength) + " characters."});
    else if (hasControlCharacters(query))
        errors.push_back({"q", "control_characters", "Must not contain control characters."});
    if (limit < 1 || limit > kMaxPageSize)
        errors.push_back({"limit", "out_of_range", "Must be from 1 to " + std::to_string(kMaxPageSize) + "."});
    std::optional<std::string> afterEmail;
    if (!after.empty()) {
        afterEmail = infra::encoding::unbase64url(after);
        if (!afterEmail || afterEmail->empty())
            errors.push_back({"after", "bad_cursor", "Use the `next` value of the previous page."});
    }
    if (!errors.empty()) return fieldErrors(std::move(errors));

    // Bound values must stay where they are until the statement runs: a deque never moves them.
    std::deque<std::string> values;
    std::vector<Poco::Data::AbstractBinding::Ptr> binds;
    auto bind = [&](const std::string& v) { binds.push_back(use(values.emplace_back(v))); };
    std::string where;
    auto clause = [&](const std::string& c) { where += (where.empty() ? " WHERE " : " AND ") + c; };
    if (!query.empty()) {
        // LOWER on both sides, so each database folds the query as it folds the column.
        clause("(LOWER(a.email) LIKE LOWER(?) ESCAPE '\\' OR LOWER(a.name) LIKE LOWER(?) ESCAPE '\\')");
        bind(containsPattern(query));
        bind(containsPattern(query));
    }
    if (roles.role()) {
        clause("EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = a.id AND r.role = ?)");
        bind(toString(*roles.role()));
    } else if (roles.anyRole()) {
        clause("EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = a.id)");
    }
    if (afterEmail) {
        clause("a.email > ?");
        bind(*afterEmail);
    }
    Poco::Data::Session s = ctx_.db.session();
    Poco::Data::Statement st(s);
    st << ctx_.db.sql("SELECT a.id, a.email, a.name, a.status FROM accounts a" + where + " ORDER BY a.email LIMIT " +
                      std::to_string(limit + 1));  // one more tells whether a page follows
    for (auto& b : binds) st.addBind(b);
    AccountSearchPage page;
    page.items = accountsFrom(ctx_.db, s, st);
    if (page.items.size() > limit) {
        page.items.resize(limit);
        page.next = infra::encoding::base64url(page.items.back().email);
    }
    return page;
}

Result<AccountWithRoles> AccountSearch::get(const std::string& accountId) {
    Poco::Data::Session s = ctx_.db.session();
    std::string id = accountId;
    Poco::Data::Statement st(s);
    st << ctx_.db.sql("SELECT a.id, a.email, a.name, a.status FROM accounts a WHERE a.id = ?"), use(id);
    auto found = accountsFrom(ctx_.db, s, st);
    if (found.empty()) return Error::notFound("account_not_found", "There is no such account.");
    return found.front();
}

}  // namespace tessera::core
