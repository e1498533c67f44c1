// a notebook that is a folder
