#include "ui/admin/RolesPage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace tessera::reviewer {

RolesPage::RolesPage(QWidget* parent)
    : QWidget(parent),
      confirm_(askWithMessageBox(this)),
      query_(new QLineEdit(this)),
      roleFilter_(new QComboBox(this)),
      table_(new QTableView(this)),
      role_(new QComboBox(this)),
      grant_(new QPushButton(tr("Grant…"), this)),
      revoke_(new QPushButton(tr("Revoke…"), this)),
      message_(new QLabel(this)) {
    setAccessibleName(tr("Roles"));
    query_->setAccessibleName(tr("Email or name"));
    query_->setPlaceholderText(tr("Email or name; leave empty to list every member of staff"));
    roleFilter_->setAccessibleName(tr("Only accounts with the role"));
    roleFilter_->addItem(tr("Any role"), QString());
    for (const auto& r : AccountsModel::staffRoles()) {
        roleFilter_->addItem(AccountsModel::roleText(r), r);
        role_->addItem(AccountsModel::roleText(r), r);
    }
    role_->setAccessibleName(tr("Role to grant or revoke"));
    grant_->setAccessibleName(tr("Grant the role"));
    revoke_->setAccessibleName(tr("Revoke the role"));
    message_->setAccessibleName(tr("Result"));
    message_->setWordWrap(true);
    message_->hide();

    table_->setModel(&model_);
    table_->setAccessibleName(tr("Accounts"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setStretchLastSection(true);

    auto* find = new QPushButton(tr("Search"), this);
    find->setAccessibleName(tr("Search accounts"));
    connect(find, &QPushButton::clicked, this, &RolesPage::search);
    connect(query_, &QLineEdit::returnPressed, this, &RolesPage::search);
    connect(grant_, &QPushButton::clicked, this, &RolesPage::grant);
    connect(revoke_, &QPushButton::clicked, this, &RolesPage::revoke);

    auto* top = new QHBoxLayout;
    top->addWidget(query_, 1);
    top->addWidget(roleFilter_);
    top->addWidget(find);
    auto* actions = new QHBoxLayout;
    auto* roleLabel = new QLabel(tr("Role:"), this);
    roleLabel->setBuddy(role_);
    actions->addWidget(roleLabel);
    actions->addWidget(role_);
    actions->addWidget(grant_);
    actions->addWidget(revoke_);
    actions->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(table_, 1);
    layout->addWidget(message_);
    layout->addLayout(actions);
}

void RolesPage::setAccounts(const QList<StaffAccount>& accounts) {
    model_.setAccounts(accounts);
    message_->hide();
    if (model_.rowCount() > 0) table_->selectRow(0);
}

void RolesPage::showAccount(const StaffAccount& account) {
    model_.update(account);
    QStringList names;
    for (const auto& r : account.roles) names.append(AccountsModel::roleText(r));
    say(tr("%1 now has: %2.").arg(account.email, names.isEmpty() ? tr("no staff role") : names.join(QStringLiteral(", "))),
        false);
}

void RolesPage::showProblem(const Problem& problem) { say(problem.message(), true); }

QString RolesPage::message() const { return message_->isHidden() ? QString() : message_->text(); }

void RolesPage::setQuery(const QString& query) { query_->setText(query); }

void RolesPage::search() {
    const QString query = query_->text().trimmed();
    QString role = roleFilter_->currentData().toString();
    // Nothing typed and no role chosen: the whole staff, whatever their roles (never every citizen).
    if (query.isEmpty() && role.isEmpty()) role = QStringLiteral("any");
    emit searchRequested(query, role);
}

void RolesPage::refresh() { search(); }

void RolesPage::selectRow(int row) { table_->selectRow(row); }

void RolesPage::setRole(const QString& role) { role_->setCurrentIndex(std::max(0, role_->findData(role))); }

const StaffAccount* RolesPage::selected() const {
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : model_.accountAt(rows.first().row());
}

void RolesPage::grant() {
    const StaffAccount* a = selected();
    if (!a) return say(tr("Choose an account first."), true);
    const QString role = role_->currentData().toString();
    if (confirm_(tr("Grant role"), tr("Give %1 the role %2?").arg(a->email, AccountsModel::roleText(role))))
        emit grantRequested(a->id, role);
}

void RolesPage::revoke() {
    const StaffAccount* a = selected();
    if (!a) return say(tr("Choose an account first."), true);
    const QString role = role_->currentData().toString();
    if (confirm_(tr("Revoke role"), tr("Take the role %2 away from %1?").arg(a->email, AccountsModel::roleText(role))))
        emit revokeRequested(a->id, role);
}

void RolesPage::say(const QString& text, bool problem) {
    message_->setText(text);
    message_->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
    message_->show();
}

}  // namespace tessera::reviewer
