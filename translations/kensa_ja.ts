<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>CoreGeneratorCatalog</name>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="23"/>
        <source>Confetti noise</source>
        <translation>紙吹雪ノイズ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="24"/>
        <source>Small squares and blobs of random colour, white or noise at random places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="27"/>
        <source>CutPaste patch</source>
        <translation>CutPaste パッチ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="28"/>
        <source>A rectangle of the image itself, colour-jittered, pasted elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="31"/>
        <source>CutPaste scar</source>
        <translation>CutPaste 傷</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="32"/>
        <source>A thin, rotated strip of the image itself pasted elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="35"/>
        <source>Perlin texture</source>
        <translation>パーリンテクスチャ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="36"/>
        <source>Irregular Perlin-noise regions filled with a foreign texture (DRAEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="39"/>
        <source>Scratches</source>
        <translation>ひっかき傷</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="40"/>
        <source>Thin curved strokes, darker or lighter than the surface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="52"/>
        <source>Count, fewest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="53"/>
        <source>Count, most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="54"/>
        <source>Size, smallest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="55"/>
        <source>Size, largest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="56"/>
        <source>Area, smallest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="57"/>
        <source>Area, largest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="58"/>
        <source>Width, thinnest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="59"/>
        <source>Width, widest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="60"/>
        <source>Length, shortest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="61"/>
        <source>Length, longest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="62"/>
        <source>Opacity, least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="63"/>
        <source>Opacity, greatest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="64"/>
        <source>Strength, least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="65"/>
        <source>Strength, greatest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="67"/>
        <source>Noise scale, coarsest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="68"/>
        <source>Noise scale, finest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="69"/>
        <source>Elongation, most</source>
        <translation>最大縦横比</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="70"/>
        <source>Rotation, largest</source>
        <translation>最大回転</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="71"/>
        <source>Share of blobs</source>
        <translation>不定形の割合</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="72"/>
        <source>Share of white</source>
        <translation>白の割合</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="73"/>
        <source>Share of noise</source>
        <translation>ノイズの割合</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="74"/>
        <source>Share of dark</source>
        <translation>暗い傷の割合</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="75"/>
        <source>Share of parallel</source>
        <translation>平行な傷の割合</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="76"/>
        <source>Edge blur</source>
        <translation>縁のぼかし</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="77"/>
        <source>Colour jitter</source>
        <translation>色のゆらぎ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="78"/>
        <source>Noise threshold</source>
        <translation>ノイズしきい値</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="79"/>
        <source>Curvature</source>
        <translation>曲がり具合</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="93"/>
        <source>Count</source>
        <translation>個数</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="94"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="95"/>
        <source>Area</source>
        <translation>面積</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="96"/>
        <source>Width</source>
        <translation>幅</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="97"/>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="98"/>
        <source>Opacity</source>
        <translation type="unfinished">不透明度</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="99"/>
        <source>Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="100"/>
        <source>Noise scale</source>
        <translation>ノイズの細かさ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/core_generator_catalog.cpp" line="109"/>
        <source> px</source>
        <translation type="unfinished"> px</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="149"/>
        <location filename="../ui/review/report_writer.cpp" line="151"/>
        <source>Inspection report — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="152"/>
        <source>Model %1 · %2 · %3 images in %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="163"/>
        <source>images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="164"/>
        <source>NG at the image threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="165"/>
        <location filename="../ui/review/report_writer.cpp" line="181"/>
        <source>OK</source>
        <translation type="unfinished">OK</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="166"/>
        <source>could not be inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="167"/>
        <source>reviewed by a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="171"/>
        <source>Thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="171"/>
        <source>used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="171"/>
        <source>model default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="173"/>
        <source>Image (score ≥ threshold is NG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="176"/>
        <source>Pixel (outlined as defect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="181"/>
        <source>Verdicts of labelled images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="181"/>
        <source>NG</source>
        <translation type="unfinished">NG</translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="183"/>
        <location filename="../ui/review/report_writer.cpp" line="197"/>
        <source>defective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="187"/>
        <location filename="../ui/review/report_writer.cpp" line="197"/>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="197"/>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="197"/>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="198"/>
        <source>image AUROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="198"/>
        <source>pixel AUROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="199"/>
        <source>AU-PRO@%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="199"/>
        <source>image F1 (threshold)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="210"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="216"/>
        <source>No metrics: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="219"/>
        <source>No metrics: label test images normal or defective to measure the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="223"/>
        <source>Plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review/report_writer.cpp" line="241"/>
        <source>The %n highest-scoring image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="255"/>
        <source>score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="256"/>
        <source>unlabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="258"/>
        <source>reviewed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="275"/>
        <source>Overridden by the reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="275"/>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="275"/>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="276"/>
        <source>reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="279"/>
        <source>Kensa %1 · every image with its score, verdict and decision is in the CSV beside this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="287"/>
        <source>Nothing to report: run an inspection first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/report_writer.cpp" line="291"/>
        <location filename="../ui/review/report_writer.cpp" line="294"/>
        <source>%1: cannot write the report: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kensa::ui::AnnotationCanvas</name>
    <message>
        <location filename="../ui/canvas/annotation_canvas.cpp" line="26"/>
        <source>Select an image to annotate.</source>
        <translation>注釈を付ける画像を選択してください。</translation>
    </message>
</context>
<context>
    <name>kensa::ui::AnnotationController</name>
    <message>
        <location filename="../ui/canvas/annotation_controller.cpp" line="34"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_controller.cpp" line="78"/>
        <source>Select an image to annotate.</source>
        <translation>注釈を付ける画像を選択してください。</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_controller.cpp" line="115"/>
        <source>The mask&apos;s size (%1 x %2) differs from the image&apos;s (%3 x %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_controller.cpp" line="136"/>
        <source>This image cannot be shown.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kensa::ui::AnnotationPanel</name>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="64"/>
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="73"/>
        <source>Normal</source>
        <translation>良品</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="73"/>
        <source>Defect</source>
        <translation>不良</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="73"/>
        <source>Unlabelled</source>
        <translation>未分類</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="83"/>
        <source>A good part (N)</source>
        <translation>良品 (N)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="84"/>
        <source>A part with a defect (D)</source>
        <translation>不良品 (D)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="88"/>
        <source>The defect type of this image; its masks are drawn in the type&apos;s colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="91"/>
        <source>Add a defect type</source>
        <translation>欠陥の種類を追加</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="104"/>
        <source>Flag for review</source>
        <translation>要確認にする</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="108"/>
        <source>Mark this image to look at again (F)</source>
        <translation>あとで見直す画像に印を付ける (F)</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="118"/>
        <source>Label</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="119"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="125"/>
        <source>Tools</source>
        <translation>ツール</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="140"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="142"/>
        <source>Brush and eraser diameter in image pixels ([ and ] change it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="155"/>
        <source>Brush size</source>
        <translation>ブラシの太さ</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="159"/>
        <source>Right button: erase (brush) or clear (fill). Polygon: click corners, double-click to close. Space + drag or middle button: pan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="172"/>
        <source>Mask display</source>
        <translation>マスク表示</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="176"/>
        <source>How strongly the mask covers the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="179"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="189"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="202"/>
        <source>No defect types yet</source>
        <translation>欠陥の種類はまだありません</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="217"/>
        <source>No image selected</source>
        <translation>画像が選択されていません</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="225"/>
        <source>training image</source>
        <translation>学習用画像</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="225"/>
        <source>test image</source>
        <translation>テスト画像</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="238"/>
        <source>defect</source>
        <translation>欠陥</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="244"/>
        <source>New defect type</source>
        <translation>新しい欠陥の種類</translation>
    </message>
    <message>
        <location filename="../ui/canvas/annotation_panel.cpp" line="245"/>
        <source>Name of the defect type (e.g. scratch, dent, stain):</source>
        <translation>欠陥の種類の名前（例：傷、へこみ、汚れ）：</translation>
    </message>
</context>
<context>
    <name>kensa::ui::BatchController</name>
    <message>
        <location filename="../ui/review/batch_controller.cpp" line="74"/>
        <source>Open a project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/batch_controller.cpp" line="76"/>
        <source>A batch inspection is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/batch_controller.cpp" line="78"/>
        <source>No active model. Train one in the Training panel.</source>
        <translation type="unfinished">使用中のモデルがありません。学習パネルで学習してください。</translation>
    </message>
    <message>
        <location filename="../ui/review/batch_controller.cpp" line="80"/>
        <source>The project has no images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/batch_controller.cpp" line="182"/>
        <source>The active model changed during the inspection; run it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kensa::ui::FillTool</name>
    <message>
        <location filename="../ui/canvas/tools/fill_tool.cpp" line="17"/>
        <source>Fill</source>
        <translation>塗りつぶし</translation>
    </message>
    <message>
        <location filename="../ui/canvas/tools/fill_tool.cpp" line="17"/>
        <source>Clear area</source>
        <translation>領域を消去</translation>
    </message>
</context>
<context>
    <name>kensa::ui::ImageBrowser</name>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="21"/>
        <source>All images</source>
        <translation>すべての画像</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="22"/>
        <source>Normal</source>
        <translation>良品</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="23"/>
        <source>Defect</source>
        <translation>不良</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="24"/>
        <source>Unlabelled</source>
        <translation>未分類</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="25"/>
        <source>Flagged</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="26"/>
        <source>Unreadable</source>
        <translation>読み込めない画像</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="27"/>
        <source>Show images by label</source>
        <translation>ラベルで画像を絞り込む</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="29"/>
        <source>Train + test</source>
        <translation>学習 + テスト</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="30"/>
        <source>Training</source>
        <translation>学習用</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="31"/>
        <source>Test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="32"/>
        <source>Show training images (normal parts to learn from), test images, or both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/browser/image_browser.cpp" line="34"/>
        <source>Filter by name</source>
        <translation>名前で絞り込む</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/browser/image_browser.cpp" line="109"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n 枚の画像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/browser/image_browser.cpp" line="110"/>
        <source>%1 of %n image(s)</source>
        <translation>
            <numerusform>%n 枚中 %1 枚</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::ImageListModel</name>
    <message>
        <location filename="../ui/browser/image_list_model.cpp" line="42"/>
        <source>Cannot be read: %1</source>
        <translation>読み込めません：%1</translation>
    </message>
</context>
<context>
    <name>kensa::ui::InspectionPanel</name>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="46"/>
        <source>Heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="51"/>
        <source>Heatmap opacity</source>
        <translation>ヒートマップの不透明度</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="53"/>
        <source>Jet</source>
        <translation>Jet</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="54"/>
        <source>Turbo</source>
        <translation>Turbo</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="55"/>
        <source>Inferno</source>
        <translation>Inferno</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="56"/>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="61"/>
        <source>Images scoring at or above this are NG</source>
        <translation>スコアがこの値以上の画像は NG</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="62"/>
        <source>Pixels at or above this are outlined as defect</source>
        <translation>この値以上の画素を欠陥として縁取ります</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="63"/>
        <source>Model defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="64"/>
        <source>The model&apos;s thresholds, learned from held-out normal images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="65"/>
        <source>F1-optimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="67"/>
        <source>The thresholds with the best F1 score on labelled images (run a batch inspection first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="78"/>
        <source>Image threshold</source>
        <translation>画像しきい値</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="79"/>
        <source>Pixel threshold</source>
        <translation>画素しきい値</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="95"/>
        <source>The active model cannot be used: %1</source>
        <translation>使用中のモデルを使えません: %1</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="131"/>
        <source>Inspecting…</source>
        <translation>検査中…</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="152"/>
        <source>No active model. Train one in the Training panel.</source>
        <translation>使用中のモデルがありません。学習パネルで学習してください。</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="153"/>
        <source>Inspection needs a trained model.</source>
        <translation>検査には学習済みモデルが必要です。</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="156"/>
        <source>Model: %1</source>
        <translation>モデル: %1</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="159"/>
        <source>Select an image to inspect it.</source>
        <translation>検査する画像を選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="207"/>
        <source>Score %1</source>
        <translation>スコア %1</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="208"/>
        <source>NG</source>
        <translation>NG</translation>
    </message>
    <message>
        <location filename="../ui/inspection/inspection_panel.cpp" line="208"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>kensa::ui::LossPlot</name>
    <message>
        <location filename="../ui/training/loss_plot.cpp" line="15"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/loss_plot.cpp" line="16"/>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location filename="../ui/training/loss_plot.cpp" line="18"/>
        <source>each step</source>
        <translation>各ステップ</translation>
    </message>
    <message>
        <location filename="../ui/training/loss_plot.cpp" line="21"/>
        <source>epoch mean</source>
        <translation>エポック平均</translation>
    </message>
</context>
<context>
    <name>kensa::ui::MainWindow</name>
    <message>
        <location filename="../ui/main/main_window.cpp" line="94"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="99"/>
        <source>Saving failed</source>
        <translation>保存に失敗しました</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="100"/>
        <source>%1

Your latest changes are not on disk. Check the disk space and the folder&apos;s permissions; Kensa tries again with your next change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="106"/>
        <location filename="../ui/main/main_window.cpp" line="362"/>
        <source>All changes saved</source>
        <translation>すべて保存済み</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="123"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="125"/>
        <source>x %1  y %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="153"/>
        <source>Images</source>
        <translation>画像</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="157"/>
        <source>Annotation</source>
        <translation>注釈</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="160"/>
        <source>Synthetic Defects</source>
        <translation>合成欠陥</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="164"/>
        <source>Training</source>
        <translation type="unfinished">学習用</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="169"/>
        <source>Inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="172"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="175"/>
        <source>Plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="180"/>
        <source>Issues</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="186"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="189"/>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="207"/>
        <source>Mark as &amp;Normal</source>
        <translation>良品にする(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="210"/>
        <source>Mark as &amp;Defect</source>
        <translation>不良にする(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="213"/>
        <source>Mark as &amp;Unlabelled</source>
        <translation>未分類にする(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="214"/>
        <source>&amp;Flag for Review</source>
        <translation>要確認にする(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="219"/>
        <source>&amp;Previous Image</source>
        <translation>前の画像(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="222"/>
        <source>&amp;Next Image</source>
        <translation>次の画像(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="229"/>
        <source>Larger Brush</source>
        <translation>ブラシを太く</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="230"/>
        <source>Smaller Brush</source>
        <translation>ブラシを細く</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="239"/>
        <source>Zoom to &amp;Fit</source>
        <translation>全体表示(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="241"/>
        <source>&amp;Actual Size (1:1)</source>
        <translation>等倍表示 (1:1)(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="243"/>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="245"/>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="253"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="263"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="266"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="268"/>
        <source>&amp;Image</source>
        <translation>画像(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="272"/>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="276"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="281"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="282"/>
        <source>&amp;About Kensa</source>
        <translation>Kensa について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="284"/>
        <source>About Kensa</source>
        <translation>Kensa について</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="285"/>
        <source>&lt;h3&gt;Kensa %1&lt;/h3&gt;&lt;p&gt;Visual anomaly inspection (ADTR) for quality engineers.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="292"/>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="297"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="298"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="299"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="300"/>
        <source>Normal images</source>
        <translation>良品画像</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="301"/>
        <source>Test images</source>
        <translation>テスト画像</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="302"/>
        <source>Import MVTec</source>
        <translation>MVTec 取り込み</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="307"/>
        <source>Annotate</source>
        <translation>注釈</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="323"/>
        <source>Normal-only: Kensa learns from normal images alone. Anomaly-available: you marked defects, which training can use as well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="375"/>
        <source>This project has no images yet.

Add a folder of normal images (good parts) with File &gt; Add Normal Images, or import an MVTec AD product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="400"/>
        <source>%1 — Kensa</source>
        <translation>%1 — Kensa</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="400"/>
        <source>Kensa</source>
        <translation>Kensa</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="407"/>
        <source>Anomaly-available</source>
        <translation>異常データあり</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="407"/>
        <source>Normal-only</source>
        <translation>良品のみ</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="418"/>
        <source>Issues (%1)</source>
        <translation>問題 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/main/main_window.cpp" line="434"/>
        <source>defect</source>
        <translation>欠陥</translation>
    </message>
</context>
<context>
    <name>kensa::ui::ModelListModel</name>
    <message>
        <location filename="../ui/training/model_list_model.cpp" line="58"/>
        <source>%1 (active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/model_list_model.cpp" line="60"/>
        <source>%1
%2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/model_list_model.cpp" line="108"/>
        <source>Could not delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kensa::ui::PolygonTool</name>
    <message>
        <location filename="../ui/canvas/tools/polygon_tool.cpp" line="74"/>
        <source>Polygon</source>
        <translation>多角形</translation>
    </message>
</context>
<context>
    <name>kensa::ui::ProjectActions</name>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="34"/>
        <source>&amp;New Project…</source>
        <translation>新規プロジェクト(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="35"/>
        <source>&amp;Open Project…</source>
        <translation>プロジェクトを開く(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="36"/>
        <source>Open &amp;Sample Project</source>
        <translation>サンプルプロジェクトを開く(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="37"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="38"/>
        <source>Save the project now (Kensa also saves every change as you make it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="39"/>
        <source>&amp;Close Project</source>
        <translation>プロジェクトを閉じる(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="40"/>
        <source>Add &amp;Normal Images…</source>
        <translation>良品画像を追加(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="41"/>
        <source>Add a folder of good parts to learn from (training images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="42"/>
        <source>Add &amp;Test Images…</source>
        <translation>テスト画像を追加(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="43"/>
        <source>Add a folder of images to review and label (test images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="44"/>
        <source>&amp;Import MVTec AD Product…</source>
        <translation>MVTec AD 製品を取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="45"/>
        <source>Import a product in MVTec AD layout, with its ground-truth masks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="46"/>
        <source>Open &amp;Recent</source>
        <translation>最近使ったプロジェクト(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="53"/>
        <source>Project saved.</source>
        <translation>プロジェクトを保存しました。</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="72"/>
        <source>Where to create the project folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="76"/>
        <source>New Project</source>
        <translation>新規プロジェクト</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="77"/>
        <source>Product name (the project folder gets this name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="78"/>
        <source>New product</source>
        <translation>新しい製品</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="84"/>
        <source>Cannot create the project</source>
        <translation>プロジェクトを作成できません</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="91"/>
        <source>Open a project folder</source>
        <translation>プロジェクトフォルダーを開く</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="98"/>
        <source>Cannot open the project</source>
        <translation>プロジェクトを開けません</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="110"/>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="114"/>
        <source>Preparing the sample project…</source>
        <translation>サンプルプロジェクトを準備しています…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="114"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="115"/>
        <source>Sample Project</source>
        <translation>サンプルプロジェクト</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="138"/>
        <source>Cannot prepare the sample project</source>
        <translation>サンプルプロジェクトを準備できません</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="148"/>
        <source>Folder of normal images (good parts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="149"/>
        <source>Folder of test images to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="156"/>
        <source>MVTec AD product folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="177"/>
        <source>Reading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../ui/main/project_actions.cpp" line="182"/>
        <source>Cannot add images</source>
        <translation>画像を追加できません</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main/project_actions.cpp" line="195"/>
        <source>Added %n image(s) from %1.</source>
        <translation>
            <numerusform>%1 から %n 枚の画像を追加しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::ProjectSession</name>
    <message>
        <location filename="../ui/project/project_session.cpp" line="49"/>
        <source>%1 is open in another Kensa (process %2 on %3). Close it there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/project/project_session.cpp" line="53"/>
        <source>%1: cannot create a lock file (is the folder writable?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kensa::ui::ReviewModel</name>
    <message>
        <location filename="../ui/review/review_model.cpp" line="88"/>
        <source>NG</source>
        <translation type="unfinished">NG</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="90"/>
        <source>OK</source>
        <translation type="unfinished">OK</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="94"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="100"/>
        <source>NG (reviewed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="102"/>
        <source>OK (reviewed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="143"/>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="145"/>
        <source>defect</source>
        <translation type="unfinished">欠陥</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="194"/>
        <source>Image</source>
        <translation type="unfinished">画像</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="196"/>
        <source>Label</source>
        <translation type="unfinished">ラベル</translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="198"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="200"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_model.cpp" line="202"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kensa::ui::ReviewPanel</name>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="48"/>
        <source>Inspect test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="49"/>
        <source>Run the active model over the project&apos;s test images (all images if it has none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="50"/>
        <source>Cancel</source>
        <translation type="unfinished">キャンセル</translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="63"/>
        <source>All verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="64"/>
        <source>NG only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="65"/>
        <source>OK only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="66"/>
        <source>Failed only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="68"/>
        <source>Any review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="69"/>
        <source>Not reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="70"/>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="71"/>
        <source>Reviewed NG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="72"/>
        <source>Reviewed OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="77"/>
        <source>any score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="80"/>
        <source>Show only images scoring at least this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="106"/>
        <source>Next flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="106"/>
        <source>The next NG image not reviewed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="107"/>
        <source>Confirm NG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="107"/>
        <source>The part is defective, as the model says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="108"/>
        <source>Override to OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="108"/>
        <source>The part is good, whatever the model says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="109"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="109"/>
        <source>Forget the decision on this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="110"/>
        <source>Export report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="112"/>
        <source>A CSV of every image and an HTML summary with metrics, plots and the worst images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="127"/>
        <source>Score ≥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="156"/>
        <source>%v / %m images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review/review_panel.cpp" line="158"/>
        <source>Inspecting %n image(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="165"/>
        <source>Computing metrics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review/review_panel.cpp" line="175"/>
        <source>%n image(s) inspected in %1 s.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review/review_panel.cpp" line="178"/>
        <source>%n image(s) the model trained on left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="181"/>
        <source>Inspection cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="218"/>
        <source>Run the active model over the test images to review its verdicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="231"/>
        <source>&lt;b&gt;%1&lt;/b&gt; images &amp;nbsp;·&amp;nbsp; &lt;b style=&apos;color:#c62828&apos;&gt;%2 NG&lt;/b&gt; &amp;nbsp;·&amp;nbsp; &lt;b style=&apos;color:#2e7d32&apos;&gt;%3 OK&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="237"/>
        <source> &amp;nbsp;·&amp;nbsp; %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="238"/>
        <source> &amp;nbsp;·&amp;nbsp; reviewed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="240"/>
        <source>&lt;br&gt;Labelled: %1 of %2 defects caught, %3 of %4 normal flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="248"/>
        <source>&lt;br&gt;Image AUROC %1 &amp;nbsp;·&amp;nbsp; pixel AUROC %2 &amp;nbsp;·&amp;nbsp; AU-PRO@%3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="254"/>
        <source>No metrics: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="298"/>
        <source>No flagged image left to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="319"/>
        <source>%1-inspection-report.html</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="320"/>
        <source>Export Inspection Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="321"/>
        <source>HTML report (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="331"/>
        <source>Nothing to report: run an inspection first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_panel.cpp" line="373"/>
        <source>Report written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kensa::ui::ReviewPlots</name>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="47"/>
        <location filename="../ui/review/review_plots.cpp" line="48"/>
        <location filename="../ui/review/review_plots.cpp" line="49"/>
        <source>False-positive rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="47"/>
        <location filename="../ui/review/review_plots.cpp" line="48"/>
        <source>True-positive rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="49"/>
        <source>Per-region overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="50"/>
        <source>Image score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="50"/>
        <source>Images</source>
        <translation type="unfinished">画像</translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="98"/>
        <source>Run a batch inspection (Review panel) to see ROC, PRO and score plots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="105"/>
        <source>Image ROC — AUROC %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="106"/>
        <source>Pixel ROC — AUROC %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="107"/>
        <source>PRO — AU-PRO@%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="108"/>
        <source>Image scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="133"/>
        <source>Needs labelled normal and defective images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="134"/>
        <source>Needs labelled normal images and defect masks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="190"/>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="191"/>
        <source>defective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="192"/>
        <source>unlabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/review/review_plots.cpp" line="245"/>
        <source>Image scores — threshold %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kensa::ui::StartPage</name>
    <message>
        <location filename="../ui/main/start_page.cpp" line="29"/>
        <source>Kensa</source>
        <translation>Kensa</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="34"/>
        <source>Visual anomaly inspection for a new product, without writing code. Start with a project: a folder holding the product&apos;s images, defect annotations and trained models.</source>
        <translation>コードを書かずに新製品の外観異常検査を。まずプロジェクトを作成します：製品の画像、欠陥の注釈、学習済みモデルをまとめたフォルダーです。</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="41"/>
        <source>New project…</source>
        <translation>新規プロジェクト…</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="42"/>
        <source>Create a project folder for a product</source>
        <translation>製品のプロジェクトフォルダーを作成します</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="43"/>
        <source>Open project…</source>
        <translation>プロジェクトを開く…</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="44"/>
        <source>Open an existing project folder</source>
        <translation>既存のプロジェクトフォルダーを開きます</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="45"/>
        <source>Open the sample project</source>
        <translation>サンプルプロジェクトを開く</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="46"/>
        <source>A generated product with normal parts and five kinds of defects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="51"/>
        <source>Recent projects</source>
        <translation>最近使ったプロジェクト</translation>
    </message>
    <message>
        <location filename="../ui/main/start_page.cpp" line="96"/>
        <source>No recent projects</source>
        <translation>最近使ったプロジェクトはありません</translation>
    </message>
</context>
<context>
    <name>kensa::ui::SyntheticPanel</name>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="38"/>
        <source>No synthetic-defect generators are available in this build.</source>
        <translation>このビルドには合成欠陥の生成器がありません。</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="45"/>
        <source>Synthetic defects (scratches, stains, holes painted onto normal images) will appear here when Kensa is built with its defect generators. Until then, mark real defects on the canvas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="108"/>
        <source>Defaults</source>
        <translation>既定値</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="109"/>
        <source>Reset this generator&apos;s parameters to their defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="129"/>
        <source>New samples</source>
        <translation>新しいサンプル</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="130"/>
        <source>Draw new random samples with the same settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="133"/>
        <source>Generators</source>
        <translation>生成器</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="143"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="144"/>
        <source>sample, defect outlined · mask</source>
        <translation>サンプル（欠陥を縁取り）・マスク</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="217"/>
        <source>%1 — parameters</source>
        <translation>%1 — パラメータ</translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="321"/>
        <source>Add normal training images to see samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="322"/>
        <source>Choose at least one generator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="338"/>
        <source>Generating samples…</source>
        <translation>サンプルを生成しています…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/synthetic/synthetic_panel.cpp" line="365"/>
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n 件のサンプル</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kensa::ui::TrainingController</name>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="77"/>
        <source>Open a project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="79"/>
        <source>A training is running.</source>
        <translation>学習を実行中です。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="82"/>
        <source>Training needs at least %1 normal training images; the project has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="87"/>
        <source>Anomaly-available training needs marked defects or synthetic defects: mark a defect with a mask, or turn on synthetic defects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="162"/>
        <source>Reading images %1 of %2</source>
        <translation>画像を読み込み中 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="164"/>
        <source>Extracting features %1 of %2</source>
        <translation>特徴を抽出中 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="169"/>
        <source>Training, epoch %1 of %2</source>
        <translation>学習中 エポック %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="169"/>
        <source>Training</source>
        <translation type="unfinished">学習用</translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="172"/>
        <source>Setting thresholds from held-out normal images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_controller.cpp" line="174"/>
        <source>Saving the model</source>
        <translation>モデルを保存中</translation>
    </message>
</context>
<context>
    <name>kensa::ui::TrainingPanel</name>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="50"/>
        <source>a few seconds left</source>
        <translation>残り数秒</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="53"/>
        <source>about %1 s left</source>
        <translation>残り約 %1 秒</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="56"/>
        <source>about %1 min %2 s left</source>
        <translation>残り約 %1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="57"/>
        <source>about %1 min left</source>
        <translation>残り約 %1 分</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="74"/>
        <source>Weights not installed. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="84"/>
        <source> px</source>
        <translation type="unfinished"> px</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="86"/>
        <source>Images are resized to this square size; a multiple of 32. Larger sees smaller defects and trains slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="90"/>
        <source>Passes over the normal images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="92"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="93"/>
        <source>Normal images only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="94"/>
        <source>With defects (ADTR+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="99"/>
        <source>Synthetic defects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="96"/>
        <source>Automatic trains with defects (anomaly-available, ADTR+) as soon as the project has marked defects or synthetic defects are on, else on normal images only. Marked defects are also pasted at random places of copies of normal images in every epoch.</source>
        <translation>自動: プロジェクトにマーク済みの欠陥があるか合成欠陥がオンのときは欠陥付きで学習し(異常あり、ADTR+)、それ以外は正常画像のみで学習します。マーク済みの欠陥は、各エポックで正常画像の複製のランダムな位置にも貼り付けられます。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="101"/>
        <source>Draw fresh synthetic defects (every generator of the Synthetic Defects panel, default settings) on copies of normal training images in every epoch; an epoch grows to at most %1 times the normal images.</source>
        <translation>各エポックで、正常な学習画像の複製に新しい合成欠陥を描きます(合成欠陥パネルの全ジェネレーター、既定の設定)。1エポックは最大で正常画像の%1倍まで増えます。</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="108"/>
        <source> % of images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="110"/>
        <source>How many normal images get an extra copy with a synthetic defect in each epoch (the clean image stays)</source>
        <translation>各エポックで、合成欠陥を描いた複製を追加する正常画像の割合(元の画像もそのまま学習に使います)</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="114"/>
        <source>Train</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="115"/>
        <location filename="../ui/training/training_panel.cpp" line="293"/>
        <source>Train a model on the project&apos;s normal training images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="116"/>
        <source>Cancel</source>
        <translation type="unfinished">キャンセル</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="129"/>
        <source>No trained models yet. Train one above; every run is kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="132"/>
        <source>Make Active</source>
        <translation>使用する</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="133"/>
        <source>Inspect with the selected model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="134"/>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="135"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="137"/>
        <source>Save a copy of the selected model for kensa-cli or another Kensa: one file with the backbone, the transformer, thresholds and map settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="142"/>
        <source>Backbone</source>
        <translation>バックボーン</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="143"/>
        <source>Image size</source>
        <translation>画像サイズ</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="144"/>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="145"/>
        <source>Defects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="164"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="168"/>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="174"/>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="187"/>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="201"/>
        <location filename="../ui/training/training_panel.cpp" line="206"/>
        <source>Delete Model</source>
        <translation>モデルを削除</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="202"/>
        <source>Move %1 to the trash?</source>
        <translation>%1 をゴミ箱に移動しますか？</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="214"/>
        <source>Export Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="214"/>
        <source>Kensa models (*.kensa)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="219"/>
        <source>Exported to %1. Inspect with: kensa-cli infer --model %1 --input FOLDER --out FOLDER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="222"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="251"/>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="303"/>
        <source>%n normal training image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="305"/>
        <source>, %n marked defect(s) not used</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_panel.cpp" line="306"/>
        <source>, %n marked defect(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="329"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="334"/>
        <source>Cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <location filename="../ui/training/training_panel.cpp" line="339"/>
        <source>Training failed</source>
        <translation>学習に失敗しました</translation>
    </message>
</context>
<context>
    <name>kensa::ui::TrainingWorker</name>
    <message>
        <location filename="../ui/training/training_worker.cpp" line="59"/>
        <source>normal-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/training_worker.cpp" line="60"/>
        <source>anomaly-available: %n marked defect(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/training_worker.cpp" line="61"/>
        <source> and synthetic defects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_worker.cpp" line="63"/>
        <source>Trained (%5) on %1 normal images (%2 held out for thresholds) in %3 s; final loss %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/training/training_worker.cpp" line="71"/>
        <source>Note: %1</source>
        <translation>注意: %1</translation>
    </message>
    <message>
        <location filename="../ui/training/training_worker.cpp" line="74"/>
        <source>Training cancelled; no model was written.</source>
        <translation>学習をキャンセルしました。モデルは保存されていません。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/main/app_setup.cpp" line="37"/>
        <source>Visual anomaly inspection for quality engineers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/app_setup.cpp" line="41"/>
        <source>Project folder to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main/app_setup.cpp" line="44"/>
        <source>Open the sample project.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
