#pragma once
// Staff roles: opens on the whole staff; find accounts (by email or name, or by a role they
// hold), grant or revoke reviewer, senior reviewer or administrator after a confirmation, and
// the server's refusals
// (the last administrator, one's own admin role) shown plainly. AdminPanel makes the calls.
#include <QWidget>

#include "admin/AccountsModel.h"
#include "client/Problem.h"
#include "ui/admin/Confirm.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tessera::reviewer {

class RolesPage : public QWidget {
    Q_OBJECT

public:
    explicit RolesPage(QWidget* parent = nullptr);

    void setConfirm(ConfirmFn confirm) { confirm_ = std::move(confirm); }

    void setAccounts(const QList<StaffAccount>& accounts);
    void showAccount(const StaffAccount& account);
    void showProblem(const Problem& problem);

    AccountsModel& model() { return model_; }
    QString message() const;

    void setQuery(const QString& query);
    // The accounts matching the query (and role); with neither, every member of staff.
    void search();
    // The search as the fields now stand: on opening, the whole staff.
    void refresh();
    void selectRow(int row);
    void setRole(const QString& role);
    void grant();
    void revoke();

signals:
    void searchRequested(const QString& query, const QString& role);
    void grantRequested(const QString& accountId, const QString& role);
    void revokeRequested(const QString& accountId, const QString& role);

private:
    const StaffAccount* selected() const;
    void say(const QString& text, bool problem);

    AccountsModel model_;
    ConfirmFn confirm_;
    QLineEdit* query_;
    QComboBox* roleFilter_;
    QTableView* table_;
    QComboBox* role_;
    QPushButton* grant_;
    QPushButton* revoke_;
    QLabel* message_;
};

}  // namespace tessera::reviewer
