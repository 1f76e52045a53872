"""Strings of the bounds on untrusted files and of the one error path (issue 14)."""

STRINGS = {
    "hostile.read.memory": (
        "« {file} » : la lecture du fichier a dépassé la mémoire permise ({megabytes} Mo) et a été arrêtée ; "
        "le fichier est trop gros ou construit pour piéger le lecteur. Il est refusé ; rien n'a été modifié.",
        "“{file}”: reading the file went beyond the memory allowed ({megabytes} MB) and was stopped; the file is "
        "too large or built to trap the reader. It is refused; nothing was changed."),
    "hostile.read.time": (
        "« {file} » : la lecture du fichier a dépassé {seconds} s et a été arrêtée ; le fichier est refusé, "
        "rien n'a été modifié. Découpez-le ou envoyez-le en CSV.",
        "“{file}”: reading the file took more than {seconds} s and was stopped; the file is refused, nothing was "
        "changed. Split it or send it as CSV."),
    "hostile.read.crash": (
        "« {file} » : la lecture du fichier a échoué (fichier abîmé ou d'un format inattendu) ; il est refusé, "
        "rien n'a été modifié.",
        "“{file}”: reading the file failed (damaged file or unexpected format); it is refused, nothing was "
        "changed."),
}
