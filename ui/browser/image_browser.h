#pragma once
// The thumbnail browser: filter bar (label/flag/unreadable, train/test, name) above a list of thumbnails.
// Arrow keys, Home/End and Page Up/Down move through the images; the current image is opened for annotation.

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;

namespace kensa::ui {

class ImageFilterProxy;
class ImageListModel;

class ImageBrowser : public QWidget {
    Q_OBJECT
public:
    ImageBrowser(ImageListModel* model, QWidget* parent = nullptr);

    int currentRow() const;  // in the image list model; -1 when none
    void setCurrentRow(int sourceRow);
    void selectNext(int step);  // +1 next, -1 previous, within the filtered list
    QListView* view() const { return m_view; }
    ImageFilterProxy* proxy() const { return m_proxy; }
    QComboBox* showFilter() const { return m_show; }

Q_SIGNALS:
    void currentRowChanged(int sourceRow);

private:
    void updateCount();

    ImageListModel* m_model;
    ImageFilterProxy* m_proxy;
    QListView* m_view;
    QComboBox* m_show;
    QComboBox* m_split;
    QLineEdit* m_search;
    QLabel* m_count;
};

}  // namespace kensa::ui
