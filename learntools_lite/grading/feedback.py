"""Feedback preprocessors: what goes back to students must not reveal hidden tests."""
from nbconvert.preprocessors import Preprocessor
from traitlets import Unicode


class ShortenTestTracebacks(Preprocessor):
    """Replace each graded test cell's traceback by its last line.

    IPython's traceback quotes the source lines around the failing assert,
    which in a test cell are hidden tests. nbgrader's ClearHiddenTests removes
    hidden tests from the cell source but not from its error output, so a
    failing hidden test would show its own code in the feedback. The last
    line (`AssertionError: <message>`) is what the student needs; it carries
    the same message the checker showed them. Runs before ClearHiddenTests.
    """

    note = Unicode("(details of the autograder tests are not shown)",
                   help="Line added under the shortened traceback.").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    message = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}".rstrip(": ")
                    output["traceback"] = [message, self.note]
        return cell, resources
