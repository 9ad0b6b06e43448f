#pragma once
// Filters the image list by label, flag, readability, train/test and a name search.

#include <QSortFilterProxyModel>

namespace kensa::ui {

class ImageFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Show { All, Normal, Defect, Unlabelled, Flagged, Unreadable };
    enum class Split { All, Train, Test };

    explicit ImageFilterProxy(QObject* parent = nullptr);

    void setShow(Show show);
    void setSplit(Split split);
    void setNameFilter(const QString& text);
    Show show() const { return m_show; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Show m_show = Show::All;
    Split m_split = Split::All;
    QString m_name;
};

}  // namespace kensa::ui
