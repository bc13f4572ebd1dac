#pragma once
// A set of protocol values to tick (grant types, scopes, claims): one check box per value, in
// columns. Values the service holds that the offered list lacks are still shown, ticked, so an
// edit never drops them unseen.
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QGridLayout;

namespace tessera::reviewer {

class ChoiceList : public QWidget {
    Q_OBJECT

public:
    ChoiceList(const QString& accessibleName, int columns, QWidget* parent = nullptr);

    void setChoices(const QStringList& values);
    void setChecked(const QStringList& values);
    QStringList checked() const;
    QStringList choices() const;

signals:
    void changed();

private:
    void addBox(const QString& value);
    void relayout();

    int columns_;
    QGridLayout* grid_;
    QList<QCheckBox*> boxes_;
};

}  // namespace tessera::reviewer
