#pragma once
// What a template sees: a tree of text, flags, objects and lists, built by handlers without
// knowing the template engine (only Templates.cpp knows kainjow mustache).
//
//   PageData page;
//   page.set("name", account.name).set("signedIn", true);
//   PageData level;
//   level.set("number", "2");
//   page.append("levels", level);
//
// Empty text counts as false in a section ({{#hint}}...{{/hint}} is skipped), as in
// mustache.js, so optional text needs no separate flag.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tessera::web::portal {

class PageData {
public:
    enum class Kind { Object, List, Text, Flag };

    PageData() = default;  // an empty object
    static PageData text(std::string value);
    static PageData flag(bool value);
    static PageData list();

    // Object members; set() replaces a member of the same name.
    PageData& set(const std::string& key, std::string value);
    PageData& set(const std::string& key, const char* value);
    PageData& set(const std::string& key, bool value);
    PageData& set(const std::string& key, int value);  // shown as decimal text
    PageData& set(const std::string& key, PageData value);
    // Appends to the list member `key`, creating it if needed.
    PageData& append(const std::string& key, PageData item);
    // Appends to this list (for a PageData made with list()).
    PageData& push(PageData item);
    // Copies every member of `other` (an object) over this one's.
    PageData& merge(const PageData& other);

    Kind kind() const { return kind_; }
    const std::string& textValue() const { return text_; }
    bool flagValue() const { return flag_; }
    const std::vector<std::pair<std::string, PageData>>& members() const { return members_; }
    const std::vector<PageData>& items() const { return items_; }
    // The member named `key`, or null (objects only).
    const PageData* find(const std::string& key) const;
    PageData* find(const std::string& key);

private:
    Kind kind_ = Kind::Object;
    std::string text_;
    bool flag_ = false;
    std::vector<std::pair<std::string, PageData>> members_;
    std::vector<PageData> items_;
};

}  // namespace tessera::web::portal
